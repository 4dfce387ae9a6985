package org.xinfang.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.deadline.ClockView;
import org.xinfang.deadline.Clocks;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/** Read side: one petition in full (audited), work lists within the caller's scope, the public view. */
@Service
public class PetitionQueries {

    /** The order of a work list. */
    public enum Sort {
        /** Earliest running deadline first (按到期日), then newest; petitions without one last. */
        DUE,
        /** Newest received first. */
        RECEIVED
    }

    /** The flags a work list can be narrowed to; several together must all hold. */
    public enum Flag {
        /** 重复信访: a repeat of, or repeated by, another petition. */
        REPEAT("重复", "(p.repeat_of IS NOT NULL OR p.repeat_count > 0)"),
        /** 越级: skipped a level. */
        SKIP_LEVEL("越级", "p.skip_level"),
        /** 初信初访: the person's first petition. */
        FIRST_TIME("初信初访", "p.first_time"),
        /** 紧急: 重大紧急, escalated at once. */
        URGENT("紧急", "p.urgent");

        private final String label;
        private final String condition;

        Flag(String label, String condition) {
            this.label = label;
            this.condition = condition;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Filters of a work list; null (or empty) means "any".
     *
     * @param queue         one of the inbox queues
     * @param unitId        the unit holding the petition now
     * @param heldByOwnUnit only petitions the caller's own unit holds now (本单位在办)
     * @param category      a category name; its sub-categories are included
     * @param territory     a region code; the territories inside it are included
     * @param q             a 信访件编号, or words of the title or content
     * @param textMatch     if given, {@code q} is answered by this word index (besides the number) instead of
     *                      a substring scan of title and content
     */
    public record Filter(PetitionQueue queue, PetitionStatus status, Long unitId, boolean heldByOwnUnit, Boolean overdue,
            String q, Channel channel, PetitionType type, String category, String territory, Set<Flag> flags,
            LocalDate receivedFrom, LocalDate receivedTo, Sort sort, int page, int size, TextMatch textMatch) {

        public Filter {
            flags = flags == null ? Set.of() : Set.copyOf(flags);
            sort = sort == null ? Sort.DUE : sort;
        }

        /** The filters without a word index: {@code q} is matched as a substring of title and content. */
        public Filter(PetitionQueue queue, PetitionStatus status, Long unitId, boolean heldByOwnUnit, Boolean overdue,
                String q, Channel channel, PetitionType type, String category, String territory, Set<Flag> flags,
                LocalDate receivedFrom, LocalDate receivedTo, Sort sort, int page, int size) {
            this(queue, status, unitId, heldByOwnUnit, overdue, q, channel, type, category, territory, flags, receivedFrom,
                    receivedTo, sort, page, size, null);
        }

        /** The filters of the REST API's list. */
        public Filter(PetitionStatus status, Long unitId, Boolean overdue, String q, int page, int size) {
            this(null, status, unitId, false, overdue, q, null, null, null, null, Set.of(), null, null, Sort.DUE, page,
                    size);
        }

        /** The same filters on another queue. */
        public Filter inQueue(PetitionQueue other) {
            return new Filter(other, status, unitId, heldByOwnUnit, overdue, q, channel, type, category, territory, flags,
                    receivedFrom, receivedTo, sort, page, size, textMatch);
        }

        /** The same filters with {@code q} answered by a word index. */
        public Filter withTextMatch(TextMatch match) {
            return new Filter(queue, status, unitId, heldByOwnUnit, overdue, q, channel, type, category, territory, flags,
                    receivedFrom, receivedTo, sort, page, size, match);
        }
    }

    /**
     * The petitions whose words match a search, as another module's index finds them (the search
     * module's segmented-word index): SQL selecting petition ids, with its parameters in order. A work
     * list only adds {@code p.id IN (…)} to its own conditions, so its scope, order, paging and counts
     * stay exactly its own. The SQL is that module's code, never user input; the words are parameters.
     *
     * @param idsSql a {@code SELECT} of one column, petition ids
     * @param params its parameters, in order
     */
    public record TextMatch(String idsSql, List<Object> params) {

        public TextMatch {
            if (idsSql == null || !idsSql.strip().regionMatches(true, 0, "SELECT", 0, 6)) {
                throw new IllegalArgumentException("a text match is a SELECT of petition ids");
            }
            params = List.copyOf(params);
        }
    }

    static final Map<String, String> EVENT_LABELS = Map.ofEntries(
            Map.entry("REGISTERED", "登记"), Map.entry("FORWARD", "转送"), Map.entry("ASSIGN", "交办"),
            Map.entry("TO_DISCIPLINE", "转纪检监察机关"), Map.entry("GUIDED", "导入法定途径"),
            Map.entry("RETURNED", "退回"), Map.entry("ACCEPTED", "受理"), Map.entry("DECLINE_PROPOSED", "拟不予受理"),
            Map.entry("NOT_ACCEPTED", "不予受理"), Map.entry("EXTENSION_PROPOSED", "申请延期"),
            Map.entry("EXTENDED", "延期"), Map.entry("REPLY_DRAFTED", "起草答复"), Map.entry("ANSWERED", "答复"),
            Map.entry("DELIVERED", "送达"), Map.entry("RATED", "评价"), Map.entry("REVIEW_REQUESTED", "申请复查"),
            Map.entry("RECHECK_REQUESTED", "申请复核"), Map.entry("REVIEWED", "复查意见"), Map.entry("RECHECKED", "复核意见"),
            Map.entry("CLOSED", "结案"), Map.entry("REPEAT_RECEIVED", "重复信访"),
            Map.entry("EXTENSION_REJECTED", "延期未获批准"), Map.entry("REPLY_REJECTED", "答复退回修改"),
            Map.entry("DECLINE_REJECTED", "不予受理未获批准"));

    private final JdbcClient jdbc;
    private final PetitionVisibility visibility;
    private final PetitionScope scope;
    private final Units units;
    private final Clocks clocks;
    private final Petitioners petitioners;
    private final AuditLog audit;
    private final Clock clock;
    private final Categories categories;
    private final int warnDaysBefore;

    PetitionQueries(JdbcClient jdbc, PetitionVisibility visibility, PetitionScope scope, Units units, Clocks clocks, Petitioners petitioners,
            AuditLog audit, Clock clock, Categories categories,
            @Value("${xinfang.deadline.warn-days-before:3}") int warnDaysBefore) {
        this.categories = categories;
        this.warnDaysBefore = warnDaysBefore;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.scope = scope;
        this.units = units;
        this.clocks = clocks;
        this.petitioners = petitioners;
        this.audit = audit;
        this.clock = clock;
    }

    /** The full view; every read is audited. A petition outside the caller's scope does not exist for them. */
    @Transactional
    public PetitionViews.Detail detail(String number, StaffUser user) {
        Petition p = jdbc.sql("SELECT * FROM petition.petition WHERE number = ?").param(number)
                .query((rs, n) -> PetitionStore.map(rs, 0)).optional()
                .orElseThrow(() -> new NotFoundException("petition.notFound"));
        if (!visibility.canSee(user, p.id)) {
            throw new NotFoundException("petition.notFound");
        }
        boolean fullPersonalData = user.hasAny(Role.CLERK, Role.HANDLER, Role.APPROVER);
        PetitionerDetails who = petitioners.find(p.petitionerId).orElseThrow();
        PetitionViews.Detail detail = view(p, fullPersonalData ? who : who.masked(), !fullPersonalData);
        // audited last, in the same transaction: appending locks the audit chain's single head row until
        // commit, so every other audited read and write of the installation waits while this one holds it
        audit.record("petition.read", "petition", number, fullPersonalData ? "detail with personal data" : "detail");
        return detail;
    }

    private PetitionViews.Detail view(Petition p, PetitionerDetails shown, boolean masked) {
        String repeatOfNumber = p.repeatOf == null ? null
                : jdbc.sql("SELECT number FROM petition.petition WHERE id = ?").param(p.repeatOf).query(String.class).single();
        return new PetitionViews.Detail(p.id, p.number, p.status.name(), p.status.label(), p.channel.name(),
                p.channel.label(), p.type.name(), p.type.label(), p.category, p.regionCode, p.title, p.content,
                at(p.receivedAt), at(p.registeredAt), p.registeredBy, unitRef(p.receivingUnitId), unitRef(p.currentUnitId),
                p.routeMode == null ? null : p.routeMode.name(), p.headcount,
                new PetitionViews.PetitionerView(shown.name(), shown.idCardNumber(), shown.phone(), shown.address(),
                        masked),
                flags(p, repeatOfNumber), pending(p), p.declineGround == null ? null : p.declineGround.label(), reply(p),
                review(p), p.rating == null ? null : p.rating.name(), p.rating == null ? null : p.rating.label(),
                p.ratingComment, timeline(p.id, false), deadlines(p.id));
    }

    /**
     * The full, unmasked view for work the system does on its own behalf (rendering a notice, a
     * report); audited with the purpose. Never hand its result to a user without checking their scope.
     */
    @Transactional
    public PetitionViews.Detail forSystem(UUID petitionId, String purpose) {
        Petition p = jdbc.sql("SELECT * FROM petition.petition WHERE id = ?").param(petitionId)
                .query((rs, n) -> PetitionStore.map(rs, 0)).optional()
                .orElseThrow(() -> new NotFoundException("petition.notFound"));
        PetitionViews.Detail detail = view(p, petitioners.find(p.petitionerId).orElseThrow(), false);
        audit.record("petition.read", "petition", p.number, "system: " + purpose); // last: see detail
        return detail;
    }

    /** A page of the work list, only what the caller may see, most urgent first (or newest first). */
    @Transactional(readOnly = true)
    public PetitionViews.Page list(Filter f, StaffUser user) {
        planForLists();
        Conditions where = conditions(f, user, true, true);
        long total = jdbc.sql("SELECT count(*) FROM petition.petition p WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        return new PetitionViews.Page(rows(where, f.sort(), f.size(), (long) f.page() * f.size()), total, f.page(),
                f.size());
    }

    /**
     * Up to {@code max} rows of the list in its order, for an export; only what the caller may see.
     * Audited, since it hands many cases over at once.
     */
    @Transactional
    public List<PetitionViews.Row> export(Filter f, StaffUser user, int max) {
        planForLists();
        Conditions where = conditions(f, user, true, true);
        List<PetitionViews.Row> rows = rows(where, f.sort(), max, 0);
        audit.record("petition.exported", "petition", "list", rows.size() + " rows, queue "
                + (f.queue() == null ? "ALL" : f.queue().name()));
        return rows;
    }

    /**
     * What an inbox shows at once: the page of the filter's queue, the count of every queue and, per
     * channel, the count of the filter's queue — all in two statements (one pass counts everything).
     */
    @Transactional(readOnly = true)
    public PetitionViews.Inbox inbox(Filter f, StaffUser user) {
        planForLists();
        PetitionQueue current = f.queue() == null ? PetitionQueue.ALL : f.queue();
        Object[] inScope = scope.parameters(user);
        Tally tally = cappedTally(f, user, inScope, current == PetitionQueue.INTAKE);
        Conditions where = conditions(f, user, inScope, true, true);
        long offset = (long) f.page() * f.size();
        List<PetitionViews.Row> rows = rows(where, f.sort(), f.size() + 1, offset);
        boolean more = rows.size() > f.size();
        if (more) {
            rows = rows.subList(0, f.size());
        }
        long total = tally.queues().get(current);
        boolean atLeast = false;
        if (total > countCap) {
            long reached = offset + rows.size();
            if (!more && !rows.isEmpty() && reached > countCap) {
                total = reached; // the last page: the total is exact again
            } else {
                atLeast = true;
                total = Math.max(total, more ? reached + 1 : reached);
            }
        }
        PetitionViews.Page page = new PetitionViews.Page(rows, total, f.page(), f.size());
        return new PetitionViews.Inbox(page, tally.queues(), tally.channels(), countCap, more, atLeast);
    }

    /**
     * How many petitions each queue holds under the filter's other conditions (the queue itself
     * ignored), in one pass over the caller's scope.
     */
    @Transactional(readOnly = true)
    public Map<PetitionQueue, Long> counts(Filter f, StaffUser user) {
        planForLists();
        return tally(f, user).queues();
    }

    /**
     * The inbox's counts of every queue, as {@link #inbox} gives them: exact up to {@link #COUNT_CAP}, and
     * {@code COUNT_CAP + 1} for more (a workbench overview).
     */
    @Transactional(readOnly = true)
    public Map<PetitionQueue, Long> cappedCounts(Filter f, StaffUser user) {
        planForLists();
        return cappedTally(f, user, scope.parameters(user), false).queues();
    }

    /** How many petitions of the filtered list came in on each channel (the channel filter ignored). */
    @Transactional(readOnly = true)
    public Map<Channel, Long> channelCounts(Filter f, StaffUser user) {
        planForLists();
        return tally(f, user).channels();
    }

    /**
     * Settings for this transaction only. Work-list statements differ by user mostly in the array of
     * units in scope: a plan made for that exact array (not a generic one cached after five runs)
     * picks the right index for one unit and the right semi-join for a whole city; and the hash of a
     * city-wide scope stays in memory instead of spilling to disk.
     */
    private void planForLists() {
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '64MB', true)")
                .query(rs -> {
                });
    }

    private record Tally(Map<PetitionQueue, Long> queues, Map<Channel, Long> channels) {
    }

    /**
     * How far an inbox counts: a queue holding more shows "10,000+" ({@link PetitionViews.Inbox#countCap}).
     * Counting every one of a million petitions in scope on every page cost most of a city-wide inbox's
     * time; what staff act on is the small queues (待分流, 已超期 …), which stay exact.
     */
    public static final int COUNT_CAP = 10_000;

    /** {@link #COUNT_CAP}; a field only so that a test can count a few petitions as "more". */
    private int countCap = COUNT_CAP;

    /** How far the inbox counts (see {@link #COUNT_CAP}). */
    public int countCap() {
        return countCap;
    }

    /**
     * The inbox's counts, each exact up to {@link #COUNT_CAP} and {@code COUNT_CAP + 1} for "more". First
     * the filtered scope itself, up to the cap, grouped as {@link #tally} does: a small scope (a unit, a
     * search with few matches) is counted exactly in that one pass. A larger one gets one bounded count
     * per queue (and per channel of the queue if asked), each stopping at the cap on its own index.
     */
    private Tally cappedTally(Filter f, StaffUser user, Object[] inScope, boolean withChannels) {
        Conditions where = conditions(f, user, inScope, false, false);
        LocalDate today = today();
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(today));
        params.add(java.sql.Date.valueOf(today));
        params.add(java.sql.Date.valueOf(today.plusDays(warnDaysBefore)));
        params.add(user.unitId());
        params.addAll(where.params());
        params.add(countCap + 1);
        PetitionQueue current = f.queue() == null ? PetitionQueue.ALL : f.queue();
        Map<PetitionQueue, Long> queueCounts = zeros(PetitionQueue.class);
        Map<Channel, Long> channelCounts = zeros(Channel.class);
        long[] seen = { 0 };
        jdbc.sql("""
                SELECT p.status, p.channel,
                       CASE WHEN p.next_due_date < ? THEN 'OVERDUE' WHEN p.next_due_date BETWEEN ? AND ? THEN 'APPROACHING' END,
                       p.pending_kind IS NOT NULL AND p.current_unit_id = ?, count(*)
                FROM (SELECT p.status, p.channel, p.next_due_date, p.pending_kind, p.current_unit_id
                      FROM petition.petition p WHERE """ + where.sql() + " LIMIT ?) p GROUP BY 1, 2, 3, 4")
                .params(params)
                .query(rs -> {
                    PetitionStatus status = PetitionStatus.valueOf(rs.getString(1));
                    Channel channel = Channel.valueOf(rs.getString(2));
                    String due = rs.getString(3);
                    boolean toApprove = rs.getBoolean(4);
                    long n = rs.getLong(5);
                    seen[0] += n;
                    for (PetitionQueue q : PetitionQueue.values()) {
                        boolean in = q.holds(status, due, toApprove);
                        if (in && (f.channel() == null || f.channel() == channel)) {
                            queueCounts.merge(q, n, Long::sum);
                        }
                        if (in && q == current) {
                            channelCounts.merge(channel, n, Long::sum);
                        }
                    }
                });
        if (seen[0] <= countCap) {
            return new Tally(queueCounts, channelCounts);
        }
        // the scope is larger than the cap: count each queue on its own, each up to the cap
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> bounded = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (PetitionQueue q : PetitionQueue.values()) {
            if (q == PetitionQueue.ALL && f.channel() == null) {
                // 全部 without a channel is the scope just read: more than the cap, no need to count it again
                queueCounts.put(q, (long) countCap + 1);
                continue;
            }
            Conditions c = conditions(f.inQueue(q), user, inScope, true, true);
            keys.add(q);
            sql.append(keys.size() == 1 ? "" : ", ").append(boundedCount(c, bounded));
        }
        if (withChannels) {
            Conditions inQueue = conditions(f, user, inScope, true, false);
            for (Channel ch : Channel.values()) {
                List<Object> p = new ArrayList<>(inQueue.params());
                p.add(ch.name());
                keys.add(ch);
                sql.append(", ").append(boundedCount(new Conditions(inQueue.sql() + " AND p.channel = ?", p), bounded));
            }
        }
        jdbc.sql(sql.toString()).params(bounded).query(rs -> {
            for (int i = 0; i < keys.size(); i++) {
                long n = rs.getLong(i + 1);
                if (keys.get(i) instanceof PetitionQueue q) {
                    queueCounts.put(q, n);
                } else {
                    channelCounts.put((Channel) keys.get(i), n);
                }
            }
        });
        if (!withChannels) {
            channelCounts.clear();
        }
        return new Tally(queueCounts, channelCounts);
    }

    /** A count of 0 for every constant of the enum, in its order. */
    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            counts.put(e, 0L);
        }
        return counts;
    }

    /** {@code (SELECT count(*) …)} of the rows meeting the conditions, stopping after {@code COUNT_CAP + 1}. */
    private String boundedCount(Conditions c, List<Object> params) {
        params.addAll(c.params());
        params.add(countCap + 1);
        return "(SELECT count(*) FROM (SELECT 1 FROM petition.petition p WHERE " + c.sql() + " LIMIT ?) x)";
    }

    /**
     * Every queue's count (with the channel filter) and every channel's count (with the queue) in one
     * scan: the petitions in scope are grouped by the few columns the queues look at, and the queues
     * are counted from those groups here, so the database evaluates no queue condition per row.
     */
    private Tally tally(Filter f, StaffUser user) {
        Conditions where = conditions(f, user, false, false);
        LocalDate today = today();
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(today));
        params.add(java.sql.Date.valueOf(today));
        params.add(java.sql.Date.valueOf(today.plusDays(warnDaysBefore)));
        params.add(user.unitId());
        params.addAll(where.params());
        PetitionQueue current = f.queue() == null ? PetitionQueue.ALL : f.queue();
        Map<PetitionQueue, Long> queueCounts = zeros(PetitionQueue.class);
        Map<Channel, Long> channelCounts = zeros(Channel.class);
        jdbc.sql("""
                SELECT p.status, p.channel,
                       CASE WHEN p.next_due_date < ? THEN 'OVERDUE' WHEN p.next_due_date BETWEEN ? AND ? THEN 'APPROACHING' END,
                       p.pending_kind IS NOT NULL AND p.current_unit_id = ?, count(*)
                FROM petition.petition p WHERE """ + where.sql() + " GROUP BY 1, 2, 3, 4")
                .params(params)
                .query(rs -> {
                    PetitionStatus status = PetitionStatus.valueOf(rs.getString(1));
                    Channel channel = Channel.valueOf(rs.getString(2));
                    String due = rs.getString(3);
                    boolean toApprove = rs.getBoolean(4);
                    long n = rs.getLong(5);
                    for (PetitionQueue q : PetitionQueue.values()) {
                        boolean in = q.holds(status, due, toApprove);
                        if (in && (f.channel() == null || f.channel() == channel)) {
                            queueCounts.merge(q, n, Long::sum);
                        }
                        if (in && q == current) {
                            channelCounts.merge(channel, n, Long::sum);
                        }
                    }
                });
        return new Tally(queueCounts, channelCounts);
    }

    /**
     * The open petitions of the person with this ID card number that the caller may see, newest first:
     * the duplicate warning of a registration form (重复信访). Audited when it finds any.
     */
    @Transactional
    public List<PetitionViews.Row> openPetitionsOf(String idCardNumber, StaffUser user) {
        Optional<UUID> person = petitioners.findByIdCard(idCardNumber);
        if (person.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(scope.parameters(user)));
        params.add(person.get());
        StringBuilder open = new StringBuilder();
        for (PetitionStatus s : PetitionStatus.values()) {
            if (s.isOpen()) {
                open.append(open.isEmpty() ? "'" : ", '").append(s.name()).append("'");
            }
        }
        Conditions where = new Conditions(PetitionScope.CONDITION + " AND p.petitioner_id = ? AND p.status IN (" + open
                + ")", params);
        List<PetitionViews.Row> rows = rows(where, Sort.RECEIVED, 20, 0);
        if (!rows.isEmpty()) {
            audit.record("petition.duplicateCheck", "petitioner", person.get().toString(), rows.size() + " open");
        }
        return rows;
    }

    /** The petitions registered as repeats of this one (重复信访, merged into it) that the caller may see. */
    @Transactional(readOnly = true)
    public List<PetitionViews.Row> repeatsOf(UUID petitionId, StaffUser user) {
        List<Object> params = new ArrayList<>(List.of(scope.parameters(user)));
        params.add(petitionId);
        return rows(new Conditions(PetitionScope.CONDITION + " AND p.repeat_of = ?", params), Sort.RECEIVED, 100, 0);
    }

    /**
     * The steps this user may take on the petition now, decided by the same preconditions the steps
     * themselves check (state, role, the unit holding it, what awaits approval, the running clocks).
     * Offer exactly these on a page; the lifecycle still checks again when a step is taken.
     */
    @Transactional(readOnly = true)
    public Set<PetitionStep> allowedSteps(PetitionViews.Detail detail, StaffUser user) {
        Petition p = jdbc.sql("SELECT * FROM petition.petition WHERE id = ?").param(detail.id())
                .query((rs, n) -> PetitionStore.map(rs, 0)).optional().orElse(null);
        Set<PetitionStep> steps = EnumSet.noneOf(PetitionStep.class);
        if (p == null || !visibility.canSee(user, p.id)) {
            return steps;
        }
        List<ClockView> running = clocks.of(p.id).stream().filter(ClockView::isOpen).toList();
        boolean objectionOpen = running.stream()
                .anyMatch(c -> c.period() == StatutoryPeriod.MISROUTE_OBJECTION && c.state() == ClockView.State.RUNNING);
        // Clocks#extend refuses an overdue 办理 period: an extension must be granted before it ends.
        boolean handlingOnTime = running.stream()
                .anyMatch(c -> c.period() == StatutoryPeriod.HANDLE && c.state() == ClockView.State.RUNNING);
        allowIf(steps, PetitionStep.ROUTE, () -> p.checkRoute(user));
        allowIf(steps, PetitionStep.ACCEPT, () -> p.checkAccept(false, user));
        allowIf(steps, PetitionStep.ACCEPT_SIMPLIFIED, () -> p.checkAccept(true, user));
        allowIf(steps, PetitionStep.DECLINE, () -> p.checkDecline(user));
        allowIf(steps, PetitionStep.RETURN, () -> p.checkReturn(objectionOpen, user));
        if (handlingOnTime) {
            allowIf(steps, PetitionStep.EXTEND, () -> p.checkExtend(user));
        }
        allowIf(steps, PetitionStep.REPLY, () -> p.checkReply(user));
        if (p.pendingKind != Petition.PendingKind.EXTENSION || handlingOnTime) {
            allowIf(steps, PetitionStep.APPROVE, () -> p.checkDecide(user));
        }
        if (p.deliveredAt == null
                && (user.unitId() == p.currentUnitId || user.unitId() == p.receivingUnitId)) {
            allowIf(steps, PetitionStep.DELIVER, () -> p.checkDelivery(user));
        }
        allowIf(steps, PetitionStep.ANSWER_REVIEW, () -> p.checkAnswerReview(user));
        return steps;
    }

    private static void allowIf(Set<PetitionStep> steps, PetitionStep step, Runnable check) {
        try {
            check.run();
            steps.add(step);
        } catch (RuleViolationException | AccessDeniedException notNow) {
            // not this step, not now
        }
    }

    // ------------------------------------------------------------------ list SQL

    /** A WHERE clause over {@code petition.petition p} and its parameters, in order. */
    private record Conditions(String sql, List<Object> params) {
    }

    private Conditions conditions(Filter f, StaffUser user, boolean withQueue, boolean withChannel) {
        return conditions(f, user, scope.parameters(user), withQueue, withChannel);
    }

    /** With the scope's parameters worked out once for several statements of one request. */
    private Conditions conditions(Filter f, StaffUser user, Object[] scopeParameters, boolean withQueue,
            boolean withChannel) {
        StringBuilder where = new StringBuilder(PetitionScope.CONDITION);
        List<Object> params = new ArrayList<>(List.of(scopeParameters));
        if (withQueue && f.queue() != null && f.queue() != PetitionQueue.ALL) {
            where.append(" AND ").append(f.queue().condition());
            params.addAll(queueParameters(f.queue(), user));
        }
        if (f.status() != null) {
            where.append(" AND p.status = ?");
            params.add(f.status().name());
        }
        if (f.unitId() != null) {
            where.append(" AND p.current_unit_id = ?");
            params.add(f.unitId());
        }
        if (f.heldByOwnUnit()) {
            where.append(" AND p.current_unit_id = ?");
            params.add(user.unitId());
        }
        if (withChannel && f.channel() != null) {
            where.append(" AND p.channel = ?");
            params.add(f.channel().name());
        }
        if (f.type() != null) {
            where.append(" AND p.type = ?");
            params.add(f.type().name());
        }
        if (f.category() != null && !f.category().isBlank()) {
            where.append(" AND p.category = ANY(?)");
            params.add(categoryAndBelow(f.category().strip()));
        }
        if (f.territory() != null && !f.territory().isBlank()) {
            where.append(" AND p.region_code = ANY(?)");
            params.add(territoryAndBelow(f.territory().strip()));
        }
        for (Flag flag : f.flags()) {
            where.append(" AND ").append(flag.condition);
        }
        if (f.receivedFrom() != null) {
            where.append(" AND p.received_at >= ?");
            params.add(Timestamp.from(f.receivedFrom().atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (f.receivedTo() != null) {
            where.append(" AND p.received_at < ?");
            params.add(Timestamp.from(f.receivedTo().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (f.q() != null && !f.q().isBlank() && f.textMatch() != null) {
            // the matches are read once into a hash that each petition in scope probes; measured with 100,000
            // petitions this beat "p.id IN (number UNION matches)" as a semi-join (2.0 s against 0.7 s p50 on
            // a loaded machine, InboxBenchmark)
            where.append(" AND (p.number = ? OR p.id IN (").append(f.textMatch().idsSql()).append("))");
            params.add(f.q().strip());
            params.addAll(f.textMatch().params());
        } else if (f.q() != null && !f.q().isBlank()) {
            // Chinese has no letter case: plain LIKE spares lower-casing every character of every content
            String op = f.q().chars().anyMatch(Character::isLetter) && f.q().chars().anyMatch(c -> c < 128 && Character.isLetter(c))
                    ? "ILIKE" : "LIKE";
            where.append(" AND (p.number = ? OR p.title " + op + " ? OR p.content " + op + " ?)");
            String like = "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(f.q().strip());
            params.add(like);
            params.add(like);
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " AND p.next_due_date < ?" : " AND (p.next_due_date IS NULL OR p.next_due_date >= ?)");
            params.add(java.sql.Date.valueOf(today()));
        }
        return new Conditions(where.toString(), params);
    }

    private List<Object> queueParameters(PetitionQueue queue, StaffUser user) {
        LocalDate today = today();
        return switch (queue) {
            case TO_APPROVE -> List.of(user.unitId());
            case APPROACHING -> List.of(java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.plusDays(warnDaysBefore)));
            case OVERDUE -> List.of(java.sql.Date.valueOf(today));
            default -> List.of();
        };
    }

    /**
     * One page of rows: the page is cut from the petition table alone (ordered by its indexed columns),
     * and only then joined to units and clocks, so a deep page does not look up clocks of skipped rows.
     */
    private List<PetitionViews.Row> rows(Conditions where, Sort sort, int limit, long offset) {
        String order = sort == Sort.RECEIVED ? "p.received_at DESC, p.id"
                : "p.next_due_date NULLS LAST, p.received_at DESC, p.id";
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        LocalDate today = today();
        List<PetitionViews.Row> rows = new ArrayList<>();
        Map<UUID, UUID> petitionerOf = new LinkedHashMap<>();
        // the page is cut by id alone (the skipped rows of a deep page are read from the list's index, not the
        // table, where the index holds what the conditions look at), then its rows are read by primary key
        jdbc.sql("SELECT p.*, u.name AS unit_name, n.period AS next_period FROM (SELECT p.id FROM petition.petition p WHERE "
                + where.sql() + " ORDER BY " + order + " LIMIT ? OFFSET ?) k JOIN petition.petition p ON p.id = k.id "
                + "JOIN organization.unit u ON u.id = p.current_unit_id "
                + "LEFT JOIN LATERAL (SELECT c.period FROM deadline.clock c WHERE c.subject_id = p.id AND c.state = 'RUNNING' "
                + "AND c.unit_id IS NOT NULL ORDER BY c.due_date LIMIT 1) n ON TRUE ORDER BY " + order)
                .params(params)
                .query(rs -> {
                    Petition p = PetitionStore.map(rs, 0);
                    petitionerOf.put(p.id, p.petitionerId);
                    rows.add(row(p, rs, today));
                });
        Map<UUID, String> names = petitioners.maskedNames(petitionerOf.values());
        List<UUID> ids = new ArrayList<>(petitionerOf.keySet());
        List<PetitionViews.Row> named = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PetitionViews.Row r = rows.get(i);
            named.add(new PetitionViews.Row(r.number(), r.status(), r.statusLabel(), r.channel(), r.type(), r.title(),
                    r.regionCode(), r.receivedAt(), r.currentUnit(), r.nextDueDate(), r.nextDuePeriod(), r.overdue(),
                    r.flags(), r.channelLabel(), r.typeLabel(), r.category(), names.get(petitionerOf.get(ids.get(i))),
                    r.nextDueLabel(), r.daysLeft(), r.dueState(), r.pendingKind()));
        }
        return named;
    }

    private String[] categoryAndBelow(String name) {
        List<String> names = new ArrayList<>(List.of(name));
        List<Categories.Category> all = categories.all();
        all.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(top -> {
            List<String> codes = new ArrayList<>(List.of(top.code()));
            for (int level = 0; level < 3; level++) {
                for (Categories.Category c : all) {
                    if (c.parentCode() != null && codes.contains(c.parentCode()) && !codes.contains(c.code())) {
                        codes.add(c.code());
                        names.add(c.name());
                    }
                }
            }
        });
        return names.toArray(String[]::new);
    }

    /** The region codes of a territory and every territory inside it (a city's districts are not its prefix). */
    private String[] territoryAndBelow(String regionCode) {
        Optional<Unit> top = units.territory(regionCode);
        if (top.isEmpty()) {
            return new String[] { regionCode };
        }
        return units.territories().stream().filter(t -> top.get().contains(t)).map(Unit::regionCode).distinct()
                .toArray(String[]::new);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    /** What the petitioner sees with the right query code (checked by the caller); audited like every read. */
    @Transactional
    public PetitionViews.PublicView publicView(String number) {
        Petition p = jdbc.sql("SELECT * FROM petition.petition WHERE number = ?").param(number)
                .query((rs, n) -> PetitionStore.map(rs, 0)).optional()
                .orElseThrow(() -> new NotFoundException("petition.notFound"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (PetitionViews.TimelineView t : timeline(p.id, true)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", t.at());
            e.put("event", t.event());
            e.put("label", t.label());
            e.put("note", t.note());
            events.add(e);
        }
        List<Map<String, Object>> due = new ArrayList<>();
        for (PetitionViews.DeadlineView d : deadlines(p.id)) {
            if (d.period().equals("MISROUTE_OBJECTION") || d.state().equals("CANCELLED")) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", d.period());
            m.put("label", d.label());
            m.put("dueAt", d.dueAt());
            m.put("state", d.state());
            due.add(m);
        }
        boolean reviewWindowOpen = clocks.of(p.id).stream().anyMatch(c -> c.state() == ClockView.State.RUNNING
                && (c.period() == org.xinfang.deadline.StatutoryPeriod.REVIEW_REQUEST
                        || c.period() == org.xinfang.deadline.StatutoryPeriod.RECHECK_REQUEST));
        String handling = p.confidential ? "纪检监察机关" : units.find(p.currentUnitId).map(Unit::name).orElse("");
        // audited last, as in detail: the audit chain's head row stays locked from here to commit
        audit.record("petition.publicRead", "petition", number, "tracking with query code");
        // the petitioner sees what they submitted; the handling unit of a 检举控告 stays undisclosed
        return new PetitionViews.PublicView(p.number, p.status.name(), p.status.label(), at(p.receivedAt),
                p.channel.label(), p.type.label(), p.title, p.content, handling, events, due, reply(p), review(p),
                p.rating == null ? null : p.rating.name(), p.rating == null ? null : p.rating.label(),
                p.repliedAt != null && p.rating == null, reviewWindowOpen);
    }

    // ------------------------------------------------------------------ pieces

    private List<PetitionViews.TimelineView> timeline(UUID id, boolean publicOnly) {
        return jdbc.sql("SELECT t.at, t.event, t.actor, u.name, t.note FROM petition.timeline t "
                + "LEFT JOIN organization.unit u ON u.id = t.unit_id WHERE t.petition_id = ?"
                + (publicOnly ? " AND t.public" : "") + " ORDER BY t.id")
                .param(id)
                .query((rs, n) -> new PetitionViews.TimelineView(at(rs.getTimestamp(1)), rs.getString(2),
                        EVENT_LABELS.getOrDefault(rs.getString(2), rs.getString(2)), rs.getString(3),
                        publicOnly ? null : rs.getString(4), rs.getString(5)))
                .list();
    }

    private List<PetitionViews.DeadlineView> deadlines(UUID id) {
        List<PetitionViews.DeadlineView> views = new ArrayList<>();
        for (ClockView c : clocks.of(id)) {
            views.add(new PetitionViews.DeadlineView(c.period().name(), c.period().label(), at(c.startedAt()), c.dueDate(),
                    at(c.dueAt()), c.state().name(), c.daysLeft(),
                    c.unitId() == null ? null : units.find(c.unitId()).map(Unit::name).orElse(null), c.isOpen()));
        }
        return views;
    }

    private static PetitionViews.Flags flags(Petition p, String repeatOfNumber) {
        return new PetitionViews.Flags(p.repeatOf != null || p.repeatCount > 0, repeatOfNumber, p.repeatCount, p.skipLevel,
                p.firstTime, p.urgent, p.confidential, p.simplified);
    }

    private static PetitionViews.PendingView pending(Petition p) {
        if (p.pendingKind == null) {
            return null;
        }
        String[] payload = p.pendingPayload.split("\n", 2);
        String summary = switch (p.pendingKind) {
            case EXTENSION -> "延期" + payload[0] + "日：" + payload[1];
            case REPLY -> Outcome.valueOf(payload[0]).label() + "：" + payload[1];
            case DECLINE -> DeclineGround.valueOf(payload[0]).label() + (payload[1].isBlank() ? "" : "：" + payload[1]);
        };
        return new PetitionViews.PendingView(p.pendingKind.name(), p.pendingBy, summary);
    }

    private PetitionViews.ReplyView reply(Petition p) {
        if (p.repliedAt == null) {
            return null;
        }
        return new PetitionViews.ReplyView(p.outcome.name(), p.outcome.label(), p.replyText, at(p.repliedAt),
                p.replyUnitId == null ? null : units.find(p.replyUnitId).map(Unit::name).orElse(null),
                at(p.deliveredAt), p.deliveryMethod);
    }

    private PetitionViews.ReviewView review(Petition p) {
        if (p.reviewStage == 0) {
            return null;
        }
        return new PetitionViews.ReviewView(p.reviewStage, p.reviewStage == 1 ? "复查" : "复核",
                p.reviewUnitId == null ? null : units.find(p.reviewUnitId).map(Unit::name).orElse(null), p.reviewReason,
                at(p.reviewRequestedAt), p.reviewOutcome == null ? null : p.reviewOutcome.name(),
                p.reviewOutcome == null ? null : p.reviewOutcome.label(), p.reviewText, at(p.reviewAnsweredAt));
    }

    private PetitionViews.UnitRef unitRef(long id) {
        return new PetitionViews.UnitRef(id, units.find(id).map(Unit::name).orElse(""));
    }

    private PetitionViews.Row row(Petition p, ResultSet rs, LocalDate today) throws SQLException {
        java.sql.Date next = rs.getDate("next_due_date");
        LocalDate nextDue = next == null ? null : next.toLocalDate();
        String period = rs.getString("next_period");
        Long daysLeft = nextDue == null ? null : ChronoUnit.DAYS.between(today, nextDue);
        String dueState = daysLeft == null ? null
                : daysLeft < 0 ? "OVERDUE" : daysLeft <= warnDaysBefore ? "APPROACHING" : "NORMAL";
        String periodLabel = period == null ? null : StatutoryPeriod.valueOf(period).label();
        return new PetitionViews.Row(p.number, p.status.name(), p.status.label(), p.channel.name(), p.type.name(), p.title,
                p.regionCode, at(p.receivedAt), new PetitionViews.UnitRef(p.currentUnitId, rs.getString("unit_name")),
                nextDue, period, daysLeft != null && daysLeft < 0, flags(p, null), p.channel.label(), p.type.label(),
                p.category, null, periodLabel, daysLeft, dueState, p.pendingKind == null ? null : p.pendingKind.name());
    }

    private static OffsetDateTime at(java.time.Instant i) {
        return i == null ? null : i.atZone(ChinaTime.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime at(Timestamp t) {
        return t == null ? null : at(t.toInstant());
    }
}
