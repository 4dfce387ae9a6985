package org.xinfang.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionType;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.InvalidInputException;

/**
 * The indicators of a period for the caller's scope, or for one unit (and the units below it) within it.
 * Definitions: {@code docs/statistics.md}; each figure leads to its cases through {@link CaseLists}.
 */
@Service
public class Indicators implements DisposableBean {

    /** A running duty is "approaching" when it is due within this many days, today included. */
    public static final int APPROACHING_DAYS = 3;

    /** Ranking weights: 按期办结 counts most; the weights of the rates a unit has are re-scaled to 100 %. */
    static final double WEIGHT_COMPLETION = 0.4;
    static final double WEIGHT_ACCEPTANCE = 0.3;
    static final double WEIGHT_SATISFACTION = 0.3;

    private final IndicatorQueries queries;
    private final Units units;
    private final Categories categories;
    private final ObjectProvider<SupervisionFigures> supervision;
    private final Clock clock;
    /**
     * Runs one half of a period's independent queries on a second connection while the caller runs the other
     * half (each query is one statement with its own snapshot either way, so the figures are the same).
     */
    private final ExecutorService second;

    Indicators(IndicatorQueries queries, Units units, Categories categories,
            ObjectProvider<SupervisionFigures> supervision, Clock clock,
            @Value("${xinfang.statistics.query-threads:4}") int queryThreads) {
        this.queries = queries;
        this.units = units;
        this.categories = categories;
        this.supervision = supervision;
        this.clock = clock;
        this.second = Executors.newFixedThreadPool(Math.max(1, queryThreads), r -> {
            Thread t = new Thread(r, "statistics-query");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void destroy() {
        second.shutdownNow();
    }

    /** Starts {@code work} on the second connection's thread. */
    <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, second);
    }

    /** The result of work started by {@link #async}, with its own exception if it failed. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * The figures of {@code period}.
     *
     * @param unitId a unit within the caller's scope to report on (with the units below it), or null for the
     *               caller's whole scope
     * @throws InvalidInputException when the unit is unknown or outside the caller's scope
     */
    @Transactional(readOnly = true)
    public Figures of(StatisticsPeriod period, Long unitId, StaffUser user) {
        Scope s = scope(unitId, user);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Map<Long, String> names = s.names();
        // two halves of about the same cost (measured at 1,000,000 petitions): the petition-side queries and
        // today's deadline health on the second connection; the duties decided, the reviews and 督办 here
        CompletableFuture<PetitionSide> petitionSide = async(() -> new PetitionSide(queries.volumes(period, s.reach),
                queries.replies(period, s.reach), queries.backlog(period, s.reach),
                queries.health(today, APPROACHING_DAYS, s.reach)));
        List<IndicatorQueries.DutyRow> dutyRows = queries.duties(period, today, s.reach);
        Figures.Reviews reviews = reviews(queries.reviews(period, s.reach));
        Long orders = supervisionOrders(period, s);
        PetitionSide side = join(petitionSide);
        List<IndicatorQueries.HealthRow> healthRows = side.health();

        // volumes
        long received = 0;
        long persons = 0;
        long repeats = 0;
        long skips = 0;
        Map<String, Long> channel = new HashMap<>();
        Map<String, Long> type = new HashMap<>();
        Map<String, Long> category = new HashMap<>();
        Map<String, Long> district = new TreeMap<>();
        Map<String, Long> holder = new HashMap<>();
        Map<LocalDate, long[]> days = new TreeMap<>();
        Map<String, String> topCategories = topCategories();
        for (IndicatorQueries.VolumeRow r : side.volumes()) {
            switch (r.set()) {
                case -1 -> {
                    received = r.count();
                    persons = r.persons();
                    repeats = r.repeats();
                    skips = r.skips();
                }
                case 0 -> channel.put(r.key(), r.count());
                case 1 -> type.put(r.key(), r.count());
                case 2 -> category.merge(topCategories.getOrDefault(r.key(), r.key()), r.count(), Long::sum);
                case 3 -> district.put(r.key(), r.count());
                case 4 -> holder.put(r.key(), r.count());
                case 5 -> days.computeIfAbsent(LocalDate.parse(r.key()), d -> new long[2])[0] = r.count();
                default -> {
                }
            }
        }
        for (IndicatorQueries.ReplyRow r : side.replies()) {
            days.computeIfAbsent(r.day(), x -> new long[2])[1] += r.replied();
        }
        List<Figures.Day> daily = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            long[] v = days.getOrDefault(d, new long[2]);
            daily.add(new Figures.Day(d, v[0], v[1]));
        }

        // duties
        Rate routing = Rate.NONE;
        Rate acceptance = Rate.NONE;
        Rate completion = Rate.NONE;
        Map<Long, Rate> unitAcceptance = new HashMap<>();
        Map<Long, Rate> unitCompletion = new HashMap<>();
        for (IndicatorQueries.DutyRow r : dutyRows) {
            Rate rate = new Rate(r.met(), r.decided());
            switch (r.period()) {
                case "ROUTE" -> routing = routing.plus(rate);
                case "ACKNOWLEDGE" -> {
                    acceptance = acceptance.plus(rate);
                    if (r.unitId() != null) {
                        unitAcceptance.merge(r.unitId(), rate, Rate::plus);
                    }
                }
                default -> {
                    completion = completion.plus(rate);
                    if (r.unitId() != null) {
                        unitCompletion.merge(r.unitId(), rate, Rate::plus);
                    }
                }
            }
        }

        // replies
        long replied = 0;
        long rated = 0;
        long satisfied = 0;
        long firstReplied = 0;
        long firstResolved = 0;
        Map<Long, Rate> unitSatisfaction = new HashMap<>();
        for (IndicatorQueries.ReplyRow r : side.replies()) {
            replied += r.replied();
            rated += r.rated();
            satisfied += r.satisfied();
            firstReplied += r.firstReplied();
            firstResolved += r.firstResolved();
            if (r.unitId() != null) {
                unitSatisfaction.merge(r.unitId(), new Rate(r.satisfied(), r.rated()), Rate::plus);
            }
        }

        Rate backlog = side.backlog();

        // deadline health today
        Map<String, long[]> perPeriod = new LinkedHashMap<>();
        Map<Long, Long> unitOverdue = new HashMap<>();
        long running = 0;
        long approaching = 0;
        long overdue = 0;
        for (IndicatorQueries.HealthRow r : healthRows) {
            long[] v = perPeriod.computeIfAbsent(r.period(), x -> new long[3]);
            v[0] += r.running();
            v[1] += r.approaching();
            v[2] += r.overdue();
            running += r.running();
            approaching += r.approaching();
            overdue += r.overdue();
            if (r.overdue() > 0) {
                unitOverdue.merge(r.unitId(), r.overdue(), Long::sum);
            }
        }
        List<Figures.PeriodHealth> byPeriod = new ArrayList<>();
        for (StatutoryPeriod p : StatutoryPeriod.values()) {
            long[] v = perPeriod.get(p.name());
            if (v != null) {
                byPeriod.add(new Figures.PeriodHealth(p.name(), p.label(), v[0], v[1], v[2]));
            }
        }
        Figures.Health health = new Figures.Health(running, running - approaching - overdue, approaching, overdue, byPeriod);

        // ranking over every unit with something decided, rated or overdue
        Set<Long> ranked = new java.util.HashSet<>();
        ranked.addAll(unitAcceptance.keySet());
        ranked.addAll(unitCompletion.keySet());
        ranked.addAll(unitSatisfaction.keySet());
        ranked.addAll(unitOverdue.keySet());
        List<Figures.UnitFigures> rows = new ArrayList<>();
        for (Long id : ranked) {
            Rate a = unitAcceptance.getOrDefault(id, Rate.NONE);
            Rate c = unitCompletion.getOrDefault(id, Rate.NONE);
            Rate sat = unitSatisfaction.getOrDefault(id, Rate.NONE);
            rows.add(new Figures.UnitFigures(id, names.getOrDefault(id, "#" + id),
                    holder.getOrDefault(String.valueOf(id), 0L), a, c, sat, unitOverdue.getOrDefault(id, 0L),
                    score(a, c, sat), 0));
        }
        rows.sort(Comparator.comparing((Figures.UnitFigures u) -> u.score() == null)
                .thenComparing(u -> u.score() == null ? 0 : -u.score())
                .thenComparingLong(Figures.UnitFigures::overdueNow)
                .thenComparing(Figures.UnitFigures::unitName));
        List<Figures.UnitFigures> ranking = new ArrayList<>();
        int rank = 0;
        for (Figures.UnitFigures u : rows) {
            ranking.add(u.score() == null ? u : new Figures.UnitFigures(u.unitId(), u.unitName(), u.received(),
                    u.onTimeAcceptance(), u.onTimeCompletion(), u.satisfaction(), u.overdueNow(), u.score(), ++rank));
        }

        return new Figures(period, unitId, s.name, received, persons,
                slices(channel, k -> Channel.valueOf(k).label(), enumOrder(Channel.values())),
                slices(type, k -> PetitionType.valueOf(k).label(), enumOrder(PetitionType.values())),
                slices(category, k -> k.isEmpty() ? "未分类" : k, null),
                territories(district),
                slices(holder, k -> names.getOrDefault(Long.valueOf(k), "#" + k), null),
                daily, routing, acceptance, completion, new Rate(satisfied, rated), new Rate(rated, replied),
                new Rate(repeats, received), new Rate(skips, received), new Rate(firstResolved, firstReplied), backlog,
                reviews, orders, ranking, health, today, clock.instant());
    }

    private record PetitionSide(List<IndicatorQueries.VolumeRow> volumes, List<IndicatorQueries.ReplyRow> replies,
            Rate backlog, List<IndicatorQueries.HealthRow> health) {
    }

    /**
     * The figures of {@code period} a report compares the current period with (环比): the volume, persons,
     * repeat and skip-level totals and every rate, exactly as {@link #of} computes them; without the
     * breakdowns, the daily trend, the reviews, the ranking and today's deadline health (left empty or zero
     * here, since today's health is the current period's and the comparison reads none of the others).
     */
    @Transactional(readOnly = true)
    Figures comparison(StatisticsPeriod period, Long unitId, StaffUser user) {
        Scope s = scope(unitId, user);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        IndicatorQueries.VolumeRow v = queries.volumeTotals(period, s.reach);
        Rate routing = Rate.NONE;
        Rate acceptance = Rate.NONE;
        Rate completion = Rate.NONE;
        for (IndicatorQueries.DutyRow r : queries.dutyTotals(period, today, s.reach)) {
            Rate rate = new Rate(r.met(), r.decided());
            switch (r.period()) {
                case "ROUTE" -> routing = routing.plus(rate);
                case "ACKNOWLEDGE" -> acceptance = acceptance.plus(rate);
                default -> completion = completion.plus(rate);
            }
        }
        IndicatorQueries.ReplyRow r = queries.replyTotals(period, s.reach);
        Rate backlog = queries.backlog(period, s.reach);
        return new Figures(period, unitId, s.name, v.count(), v.persons(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), routing, acceptance, completion, new Rate(r.satisfied(), r.rated()),
                new Rate(r.rated(), r.replied()), new Rate(v.repeats(), v.count()), new Rate(v.skips(), v.count()),
                new Rate(r.firstResolved(), r.firstReplied()), backlog, new Figures.Reviews(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                null, List.of(), new Figures.Health(0, 0, 0, 0, List.of()), today, clock.instant());
    }

    /** The weighted score of a unit over the rates it has, in percent; null when it has none. */
    static Double score(Rate acceptance, Rate completion, Rate satisfaction) {
        double sum = 0;
        double weight = 0;
        if (completion.percent() != null) {
            sum += WEIGHT_COMPLETION * completion.percent();
            weight += WEIGHT_COMPLETION;
        }
        if (acceptance.percent() != null) {
            sum += WEIGHT_ACCEPTANCE * acceptance.percent();
            weight += WEIGHT_ACCEPTANCE;
        }
        if (satisfaction.percent() != null) {
            sum += WEIGHT_SATISFACTION * satisfaction.percent();
            weight += WEIGHT_SATISFACTION;
        }
        return weight == 0 ? null : sum / weight;
    }

    /** The caller's reach, checked: a chosen unit must lie within the caller's scope. */
    Scope scope(Long unitId, StaffUser user) {
        List<Unit> tree = units.visibleTree(user);
        Set<Long> visible = new java.util.HashSet<>();
        tree.forEach(u -> visible.add(u.id()));
        boolean whole = visible.size() >= units.count();
        Unit chosen = null;
        if (unitId != null) {
            if (!visible.contains(unitId)) {
                throw new InvalidInputException("unit", "statistics.validation.unitOutOfScope");
            }
            chosen = units.find(unitId).orElseThrow(() -> new InvalidInputException("unit", "validation.unit.unknown"));
        }
        Map<Long, String> names = new HashMap<>();
        tree.forEach(u -> names.put(u.id(), u.name()));
        String name = chosen != null ? chosen.name() : units.find(user.unitId()).map(u -> scopeName(u, user)).orElse("");
        // PetitionScope's three parameters as its Javadoc defines them (own unit, whole installation, units in
        // scope), from the tree already read rather than reading the units again
        Object[] scopeParameters = { user.unitId(), whole, visible.toArray(Long[]::new) };
        return new Scope(Reach.of(scopeParameters, visible, whole, chosen, tree), chosen, tree, names, name,
                chosen == null ? List.copyOf(visible) : tree.stream().filter(chosen::contains).map(Unit::id).toList());
    }

    private String scopeName(Unit own, StaffUser user) {
        return switch (user.scope()) {
            case OWN_UNIT -> own.name();
            case UNIT_AND_BELOW -> own.name() + "及下级";
            case TERRITORY_AND_BELOW -> units.territoryOf(own).name();
        };
    }

    /** A resolved scope: the SQL reach, the chosen unit, the visible tree and the ids of the counted units. */
    record Scope(Reach reach, Unit chosen, List<Unit> tree, Map<Long, String> names, String name, List<Long> unitIds) {
    }

    private Long supervisionOrders(StatisticsPeriod period, Scope s) {
        SupervisionFigures figures = supervision.getIfAvailable();
        return figures == null ? null : figures.orders(period.from(), period.to(), s.unitIds());
    }

    /** Each category name (what petitions store) mapped to the name of its first-level category. */
    Map<String, String> topCategories() {
        Map<String, Categories.Category> byCode = new HashMap<>();
        List<Categories.Category> all = categories.everything();
        all.forEach(c -> byCode.put(c.code(), c));
        Map<String, String> top = new HashMap<>();
        for (Categories.Category c : all) {
            Categories.Category t = c;
            while (t.parentCode() != null && byCode.containsKey(t.parentCode())) {
                t = byCode.get(t.parentCode());
            }
            top.putIfAbsent(c.name(), t.name());
        }
        return top;
    }

    private List<Figures.Slice> territories(Map<String, Long> district) {
        List<Figures.Slice> out = new ArrayList<>();
        district.forEach((code, n) -> out.add(new Figures.Slice(code,
                units.territory(code).map(Unit::name).orElse(code), n)));
        out.sort(Comparator.comparingLong(Figures.Slice::count).reversed().thenComparing(Figures.Slice::key));
        return out;
    }

    private static Map<String, Integer> enumOrder(Enum<?>[] values) {
        Map<String, Integer> order = new HashMap<>();
        for (Enum<?> e : values) {
            order.put(e.name(), e.ordinal());
        }
        return order;
    }

    private static List<Figures.Slice> slices(Map<String, Long> counts, java.util.function.Function<String, String> label,
            Map<String, Integer> order) {
        List<Figures.Slice> out = new ArrayList<>();
        if (order != null) {
            order.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .forEach(e -> out.add(new Figures.Slice(e.getKey(), label.apply(e.getKey()),
                            counts.getOrDefault(e.getKey(), 0L))));
            return out;
        }
        counts.forEach((k, n) -> out.add(new Figures.Slice(k, label.apply(k), n)));
        out.sort(Comparator.comparingLong(Figures.Slice::count).reversed().thenComparing(Figures.Slice::label));
        return out;
    }

    private static Figures.Reviews reviews(List<IndicatorQueries.ReviewRow> rows) {
        long[] v = new long[10];
        for (IndicatorQueries.ReviewRow r : rows) {
            switch (r.event()) {
                case "REVIEW_REQUESTED" -> v[0] += r.count();
                case "RECHECK_REQUESTED" -> v[5] += r.count();
                case "REVIEWED" -> {
                    v[1] += r.count();
                    v[2 + outcome(r.note())] += r.count();
                }
                case "RECHECKED" -> {
                    v[6] += r.count();
                    v[7 + outcome(r.note())] += r.count();
                }
                default -> {
                }
            }
        }
        return new Figures.Reviews(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /**
     * The outcome of a review answer from its timeline note ("复查意见：维持"), which the petition aggregate
     * writes as the outcome's label: 0 维持, 1 变更, 2 责令重新办理.
     */
    static int outcome(String note) {
        if (note != null && note.endsWith(ReviewOutcome.REDO.label())) {
            return 2;
        }
        if (note != null && note.endsWith(ReviewOutcome.CHANGED.label())) {
            return 1;
        }
        return 0;
    }
}
