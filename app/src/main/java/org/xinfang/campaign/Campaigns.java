package org.xinfang.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.notification.StaffNotices;
import org.xinfang.campaign.CampaignViews.Candidate;
import org.xinfang.campaign.CampaignViews.CaseAssignment;
import org.xinfang.campaign.CampaignViews.CaseView;
import org.xinfang.campaign.CampaignViews.Cell;
import org.xinfang.campaign.CampaignViews.Detail;
import org.xinfang.campaign.CampaignViews.DispatchHead;
import org.xinfang.campaign.CampaignViews.NewCampaign;
import org.xinfang.campaign.CampaignViews.NewDispatch;
import org.xinfang.campaign.CampaignViews.ProgressEntry;
import org.xinfang.campaign.CampaignViews.ProgressRow;
import org.xinfang.campaign.CampaignViews.ProgressTable;
import org.xinfang.campaign.CampaignViews.SelectionRules;
import org.xinfang.campaign.CampaignViews.Summary;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RegionCode;
import org.xinfang.shared.RuleViolationException;

import tools.jackson.databind.json.JsonMapper;

/**
 * 积案专项攻坚: a supervisor or leader opens a campaign with selection rules, previews the old
 * unresolved petitions the rules select (only those the organiser may see, through {@link PetitionScope}),
 * includes them, plans each case, records 调度 rounds and closes each case on a lawful ground only.
 * A campaign is visible to users whose data scope reaches its organising unit; every read and change is
 * audited.
 */
@Service
public class Campaigns {

    /** Most petitions a preview lists; a campaign larger than this is split by territory or category. */
    public static final int MAX_CANDIDATES = 500;
    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 4_000;

    private final JdbcClient jdbc;
    private final PetitionScope scope;
    private final Units units;
    private final Categories categories;
    private final AuditLog audit;
    private final StaffNotices notices;
    private final JsonMapper json;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, PetitionScope scope, Units units, Categories categories, AuditLog audit,
            StaffNotices notices, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.categories = categories;
        this.audit = audit;
        this.notices = notices;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ campaigns

    /** Opens a campaign organised by the user's unit. */
    @Transactional
    public long create(NewCampaign c, StaffUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = Fields.text(problems, "name", c.name(), true, MAX_NAME);
        Fields.require(problems, "startsOn", c.startsOn());
        Fields.require(problems, "endsOn", c.endsOn());
        if (c.startsOn() != null && c.endsOn() != null && c.endsOn().isBefore(c.startsOn())) {
            problems.add(FieldProblem.of("endsOn", "campaign.validation.endsBeforeStart"));
        }
        SelectionRules rules = checkRules(problems, c.rules());
        Fields.check(problems);
        long id = jdbc.sql("""
                INSERT INTO campaign.campaign (name, starts_on, ends_on, rules, unit_id, created_by, created_at, status)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, 'ACTIVE') RETURNING id""")
                .params(name, c.startsOn(), c.endsOn(), json.writeValueAsString(rules), user.unitId(),
                        user.displayName(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("campaign.created", "campaign", Long.toString(id), name);
        return id;
    }

    /**
     * Ends the campaign (the period is over or every case is closed): it stays readable with its report,
     * and nothing in it changes any more. Cases still open are reported as such.
     */
    @Transactional
    public void finish(long id, StaffUser user) {
        requireActive(summary(id, user));
        jdbc.sql("UPDATE campaign.campaign SET status = 'FINISHED', finished_at = ? WHERE id = ? AND status = 'ACTIVE'")
                .params(Timestamp.from(clock.instant()), id).update();
        audit.record("campaign.finished", "campaign", Long.toString(id), "finished");
    }

    /** The campaigns the user may see, newest first. */
    @Transactional(readOnly = true)
    public List<Summary> list(StaffUser user) {
        return jdbc.sql(SUMMARY + " WHERE c.unit_id = ANY(?) ORDER BY c.starts_on DESC, c.id DESC")
                .param(visible(user)).query(this::summary).list();
    }

    /** A campaign in full with its cases and progress table; audited. */
    @Transactional
    public Detail detail(long id, StaffUser user) {
        Summary summary = summary(id, user);
        SelectionRules rules = rules(id);
        audit.record("campaign.read", "campaign", Long.toString(id), "detail");
        return new Detail(summary, rules, describe(rules), cases(id), progressTable(id));
    }

    /** The campaign's selection rules. */
    SelectionRules rules(long id) {
        String text = jdbc.sql("SELECT rules::text FROM campaign.campaign WHERE id = ?").param(id).query(String.class)
                .single();
        return json.readValue(text, SelectionRules.class);
    }

    // ------------------------------------------------------------------ selection

    /**
     * The petitions the campaign's rules select that the user may see, oldest first (at most
     * {@value #MAX_CANDIDATES}); those already in the campaign are marked.
     */
    @Transactional
    public List<Candidate> preview(long id, StaffUser user) {
        summary(id, user);
        audit.record("campaign.preview", "campaign", Long.toString(id), "selection preview");
        return candidates(id, rules(id), user, null);
    }

    /**
     * Includes the named petitions in the campaign. Each must be selected by the campaign's rules and
     * visible to the user; otherwise nothing is included and the problem names the numbers.
     *
     * @return how many were newly included (already included ones are skipped)
     */
    @Transactional
    public int include(long id, List<String> numbers, StaffUser user) {
        Summary s = summary(id, user);
        requireActive(s);
        List<String> wanted = numbers == null ? List.of()
                : numbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("numbers", "campaign.validation.noneChosen");
        }
        List<Candidate> found = candidates(id, rules(id), user, wanted);
        Set<String> foundNumbers = found.stream().map(Candidate::number).collect(Collectors.toSet());
        List<String> missing = wanted.stream().filter(n -> !foundNumbers.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("numbers", "campaign.validation.notSelected", String.join("、", missing));
        }
        int added = 0;
        for (Candidate c : found) {
            int inserted = jdbc.sql("""
                    INSERT INTO campaign.campaign_case (campaign_id, petition_id, petition_number, included_at, included_by, status)
                    VALUES (?, ?, ?, ?, ?, 'OPEN') ON CONFLICT (campaign_id, petition_id) DO NOTHING""")
                    .params(id, c.petitionId(), c.number(), Timestamp.from(clock.instant()), user.displayName()).update();
            if (inserted > 0) {
                // the unit holding the case must know it is now a campaign case with a leader watching
                notices.notifyUnit(currentUnit(c.petitionId()), null, "信访事项 " + c.number() + " 已纳入积案专项攻坚“"
                        + abbreviate(s.name(), 60) + "”，请按化解方案推进并报送进展", "/cases/" + c.number());
            }
            added += inserted;
        }
        audit.record("campaign.included", "campaign", Long.toString(id), String.join(",", wanted));
        return added;
    }

    private List<Candidate> candidates(long id, SelectionRules rules, StaffUser user, List<String> onlyNumbers) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.number, p.title, p.status, p.received_at, p.repeat_count, p.category, p.current_unit_id,
                       EXISTS (SELECT 1 FROM campaign.campaign_case cc WHERE cc.campaign_id = ? AND cc.petition_id = p.id) AS included
                FROM petition.petition p
                WHERE p.status = ANY(?) AND p.received_at <= ? AND p.repeat_count >= ?""");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.add(statuses(rules).stream().map(Enum::name).toArray(String[]::new));
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        params.add(Timestamp.from(today.minusDays(rules.minAgeDays()).plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        params.add(rules.minRepeats() == null ? 0 : rules.minRepeats());
        if (rules.regionCode() != null) {
            sql.append(" AND p.region_code = ANY(?)");
            params.add(regionCodesWithin(rules.regionCode()));
        }
        if (rules.category() != null) {
            sql.append(" AND p.category = ANY(?)");
            params.add(categoryAndChildren(rules.category()));
        }
        if (onlyNumbers != null) {
            sql.append(" AND p.number = ANY(?)");
            params.add(onlyNumbers.toArray(String[]::new));
        }
        sql.append(" AND ").append(PetitionScope.CONDITION).append(" ORDER BY p.received_at, p.number LIMIT ")
                .append(MAX_CANDIDATES);
        params.addAll(Arrays.asList(scope.parameters(user)));
        Map<Long, String> unitNames = new HashMap<>();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            LocalDate received = rs.getTimestamp("received_at").toInstant().atZone(ChinaTime.ZONE).toLocalDate();
            long unitId = rs.getLong("current_unit_id");
            return new Candidate(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
                    PetitionStatus.valueOf(rs.getString("status")).label(), received,
                    ChronoUnit.DAYS.between(received, today), rs.getInt("repeat_count"), rs.getString("category"),
                    unitNames.computeIfAbsent(unitId, u -> units.find(u).map(Unit::name).orElse("")),
                    rs.getBoolean("included"));
        }).list();
    }

    /** Every region code of the territory and the places within it. */
    private String[] regionCodesWithin(String regionCode) {
        Unit territory = units.territory(regionCode).orElseThrow();
        return units.territories().stream().filter(territory::contains).map(Unit::regionCode).toArray(String[]::new);
    }

    private String[] categoryAndChildren(String name) {
        List<Categories.Category> all = categories.all();
        Set<String> codes = all.stream().filter(c -> c.name().equals(name)).map(Categories.Category::code)
                .collect(Collectors.toSet());
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        // two levels below are enough for the category tree (大类 → 小类 → 细类)
        for (int depth = 0; depth < 2; depth++) {
            Set<String> next = all.stream().filter(c -> codes.contains(c.parentCode())).map(Categories.Category::code)
                    .collect(Collectors.toSet());
            all.stream().filter(c -> next.contains(c.code())).forEach(c -> names.add(c.name()));
            codes.addAll(next);
        }
        return names.toArray(String[]::new);
    }

    private static Set<PetitionStatus> statuses(SelectionRules rules) {
        if (rules.statuses() == null || rules.statuses().isEmpty()) {
            return EnumSet.copyOf(Arrays.stream(PetitionStatus.values()).filter(PetitionStatus::isOpen).toList());
        }
        return rules.statuses().stream().map(PetitionStatus::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PetitionStatus.class)));
    }

    private SelectionRules checkRules(List<FieldProblem> problems, SelectionRules r) {
        if (r == null) {
            problems.add(FieldProblem.of("rules.minAgeDays", "validation.required"));
            return null;
        }
        if (r.minAgeDays() == null) {
            problems.add(FieldProblem.of("rules.minAgeDays", "validation.required"));
        } else if (r.minAgeDays() < 0 || r.minAgeDays() > 36_500) {
            problems.add(FieldProblem.of("rules.minAgeDays", "campaign.validation.range", 0, 36_500));
        }
        if (r.minRepeats() != null && (r.minRepeats() < 0 || r.minRepeats() > 1_000)) {
            problems.add(FieldProblem.of("rules.minRepeats", "campaign.validation.range", 0, 1_000));
        }
        Set<String> statuses = new java.util.TreeSet<>();
        for (String s : r.statuses() == null ? Set.<String>of() : r.statuses()) {
            try {
                statuses.add(PetitionStatus.valueOf(s).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(FieldProblem.of("rules.statuses", "campaign.validation.status", s));
            }
        }
        String region = r.regionCode() == null || r.regionCode().isBlank() ? null : r.regionCode().strip();
        if (region != null && (!RegionCode.isWellFormed(region) || units.territory(region).isEmpty())) {
            problems.add(FieldProblem.of("rules.regionCode", "validation.regionCode.unknown"));
        }
        String category = r.category() == null || r.category().isBlank() ? null : r.category().strip();
        if (category != null && categories.byName(category).isEmpty()) {
            problems.add(FieldProblem.of("rules.category", "campaign.validation.category"));
        }
        return new SelectionRules(r.minAgeDays(), r.minRepeats() == null || r.minRepeats() == 0 ? null : r.minRepeats(),
                statuses, region, category);
    }

    /** The rules in words, for pages and the report: 受理满 180 天 · 重复信访 ≥ 2 次 · 东湖区 · 城乡建设. */
    String describe(SelectionRules r) {
        List<String> parts = new ArrayList<>();
        parts.add("受理满 " + r.minAgeDays() + " 天");
        if (r.minRepeats() != null) {
            parts.add("重复信访 ≥ " + r.minRepeats() + " 次");
        }
        parts.add(r.statuses() == null || r.statuses().isEmpty() ? "未终结的全部状态"
                : r.statuses().stream().map(s -> PetitionStatus.valueOf(s).label()).collect(Collectors.joining("、")));
        if (r.regionCode() != null) {
            parts.add(units.territory(r.regionCode()).map(Unit::name).orElse(r.regionCode()));
        }
        if (r.category() != null) {
            parts.add(r.category());
        }
        return String.join(" · ", parts);
    }

    // ------------------------------------------------------------------ cases

    /** Sets the responsible leader, plan, measures, deadline and "三到位一处理" class of a campaign case. */
    @Transactional
    public void assign(long id, String petitionNumber, CaseAssignment a, StaffUser user) {
        requireActive(summary(id, user));
        CaseRow c = caseRow(id, petitionNumber);
        if (!c.open()) {
            throw new RuleViolationException("campaign.case.alreadyClosed", petitionNumber);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String leader = Fields.text(problems, "responsibleLeader", a.responsibleLeader(), true, 50);
        String plan = Fields.text(problems, "plan", a.plan(), true, MAX_TEXT);
        String measures = Fields.text(problems, "measures", a.measures(), false, MAX_TEXT);
        Fields.require(problems, "dueOn", a.dueOn());
        ResolutionClass cls = Fields.choice(problems, "resolutionClass", a.resolutionClass(), ResolutionClass.class, false);
        Fields.check(problems);
        jdbc.sql("""
                UPDATE campaign.campaign_case SET responsible_leader = ?, plan = ?, measures = ?, due_on = ?, resolution_class = ?
                WHERE id = ?""").params(leader, plan, measures, a.dueOn(), cls == null ? null : cls.name(), c.id()).update();
        audit.record("campaign.case.planned", "petition", petitionNumber, "campaign " + id + ", leader " + leader);
        notices.notifyUnit(currentUnit(c.petitionId()), null, "积案 " + petitionNumber + " 化解方案已定：包案领导"
                + abbreviate(leader, 20) + "，期限 " + a.dueOn(), "/cases/" + petitionNumber);
    }

    /**
     * Closes a campaign case. Only on 停访息诉 (with how it was confirmed) or when the petition has a
     * lawful final conclusion ({@link ClosureGround#FINAL_STATES}); and only once its "三到位一处理"
     * class is settled, so the report can say how it ended.
     *
     * @throws RuleViolationException (409) naming the reason when the case may not be closed
     */
    @Transactional
    public void close(long id, String petitionNumber, String ground, String note, StaffUser user) {
        requireActive(summary(id, user));
        CaseRow c = caseRow(id, petitionNumber);
        if (!c.open()) {
            throw new RuleViolationException("campaign.case.alreadyClosed", petitionNumber);
        }
        List<FieldProblem> problems = new ArrayList<>();
        ClosureGround g = Fields.choice(problems, "ground", ground, ClosureGround.class, true);
        String cleanNote = Fields.text(problems, "note", note, g == ClosureGround.STOPPED_PETITIONING, MAX_TEXT);
        Fields.check(problems);
        if (c.resolutionClass() == null) {
            throw new RuleViolationException("campaign.case.classMissing", petitionNumber);
        }
        PetitionStatus status = petitionStatus(c.petitionId());
        if (g == ClosureGround.FINAL_CONCLUSION && !ClosureGround.FINAL_STATES.contains(status)) {
            throw new RuleViolationException("campaign.case.notFinal", petitionNumber, status.label());
        }
        if (g == ClosureGround.STOPPED_PETITIONING) {
            // a petitioner who is still petitioning about this matter has not stopped
            int open = jdbc.sql("""
                    SELECT count(*) FROM petition.petition r
                    WHERE r.repeat_of = ? AND r.status NOT IN ('DUPLICATE', 'NOT_ACCEPTED', 'NOT_RE_ACCEPTED', 'GUIDED', 'FINAL', 'CLOSED')""")
                    .param(c.petitionId()).query(Integer.class).single();
            if (open > 0) {
                throw new RuleViolationException("campaign.case.stillPetitioning", petitionNumber, open);
            }
        }
        jdbc.sql("""
                UPDATE campaign.campaign_case SET status = 'CLOSED', closure_ground = ?, closure_note = ?, closed_at = ?, closed_by = ?
                WHERE id = ? AND status = 'OPEN'""")
                .params(g.name(), cleanNote, Timestamp.from(clock.instant()), user.displayName(), c.id()).update();
        audit.record("campaign.case.closed", "petition", petitionNumber, "campaign " + id + ": " + g.name());
    }

    private long currentUnit(UUID petitionId) {
        return jdbc.sql("SELECT current_unit_id FROM petition.petition WHERE id = ?").param(petitionId)
                .query(Long.class).single();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private PetitionStatus petitionStatus(UUID petitionId) {
        return PetitionStatus.valueOf(jdbc.sql("SELECT status FROM petition.petition WHERE id = ?").param(petitionId)
                .query(String.class).single());
    }

    // ------------------------------------------------------------------ 调度

    /** Records a 调度 round: its date and each reported case's stage. */
    @Transactional
    public long dispatch(long id, NewDispatch d, StaffUser user) {
        requireActive(summary(id, user));
        List<FieldProblem> problems = new ArrayList<>();
        Fields.require(problems, "heldOn", d.heldOn());
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        if (d.heldOn() != null && d.heldOn().isAfter(today)) {
            problems.add(FieldProblem.of("heldOn", "campaign.validation.future"));
        }
        String note = Fields.text(problems, "note", d.note(), false, MAX_TEXT);
        Map<String, CaseRow> cases = new HashMap<>();
        caseRows(id).forEach(c -> cases.put(c.number(), c));
        List<ProgressEntry> entries = d.progress() == null ? List.of() : d.progress();
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ProgressEntry e = entries.get(i);
            String prefix = "progress[" + i + "].";
            if (e == null || e.stage() == null || e.stage().isBlank()) {
                continue; // a case not reported this round
            }
            CaseRow c = e.petitionNumber() == null ? null : cases.get(e.petitionNumber().strip());
            if (c == null) {
                problems.add(FieldProblem.of(prefix + "petitionNumber", "campaign.validation.notInCampaign"));
                continue;
            }
            if (!seen.add(c.number())) {
                problems.add(FieldProblem.of(prefix + "petitionNumber", "campaign.validation.twice"));
                continue;
            }
            ProgressStage stage = Fields.choice(problems, prefix + "stage", e.stage(), ProgressStage.class, true);
            String entryNote = Fields.text(problems, prefix + "note", e.note(), false, 1_000);
            rows.add(new Object[] { c.id(), stage, entryNote == null ? "" : entryNote });
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(FieldProblem.of("progress", "campaign.validation.noProgress"));
        }
        Fields.check(problems);
        long dispatchId = jdbc.sql("""
                INSERT INTO campaign.dispatch (campaign_id, held_on, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(id, d.heldOn(), note == null ? "" : note, user.displayName(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (Object[] r : rows) {
            jdbc.sql("INSERT INTO campaign.progress (dispatch_id, campaign_case_id, stage, note) VALUES (?, ?, ?, ?)")
                    .params(dispatchId, r[0], ((ProgressStage) r[1]).name(), r[2]).update();
        }
        audit.record("campaign.dispatched", "campaign", Long.toString(id), rows.size() + " cases reported");
        return dispatchId;
    }

    /** The campaign's 调度进度表 (cases × rounds in date order); the user must see the campaign. */
    @Transactional(readOnly = true)
    public ProgressTable progress(long id, StaffUser user) {
        summary(id, user);
        return progressTable(id);
    }

    private ProgressTable progressTable(long id) {
        List<DispatchHead> rounds = jdbc.sql(
                "SELECT id, held_on, note, recorded_by FROM campaign.dispatch WHERE campaign_id = ? ORDER BY held_on, id")
                .param(id).query((rs, n) -> new DispatchHead(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4))).list();
        Map<Long, Map<Long, Cell>> cells = new HashMap<>(); // case → round → cell
        jdbc.sql("""
                SELECT pr.campaign_case_id, pr.dispatch_id, pr.stage, pr.note FROM campaign.progress pr
                JOIN campaign.dispatch d ON d.id = pr.dispatch_id WHERE d.campaign_id = ?""").param(id).query(rs -> {
                    ProgressStage stage = ProgressStage.valueOf(rs.getString(3));
                    cells.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2),
                            new Cell(stage.name(), stage.label(), rs.getString(4)));
                });
        List<ProgressRow> rows = new ArrayList<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        rounds.forEach(r -> counts.add(new LinkedHashMap<>()));
        List<CaseView> cases = cases(id);
        for (CaseView c : cases) {
            Map<Long, Cell> mine = cells.getOrDefault(c.id(), Map.of());
            List<Cell> row = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                Cell cell = mine.get(rounds.get(i).id());
                row.add(cell);
                if (cell != null) {
                    counts.get(i).merge(cell.stage(), 1, Integer::sum);
                }
            }
            rows.add(new ProgressRow(c.petitionNumber(), c.title(), c.responsibleLeader(), c.resolutionClassLabel(), row,
                    c.open() ? "攻坚中" : "已结案（" + c.closureGroundLabel() + "）"));
        }
        List<Integer> closedBy = new ArrayList<>();
        for (DispatchHead r : rounds) {
            java.time.Instant end = r.heldOn().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
            closedBy.add((int) cases.stream().filter(c -> c.closedAt() != null && c.closedAt().toInstant().isBefore(end))
                    .count());
        }
        return new ProgressTable(rounds, rows, counts, closedBy);
    }

    // ------------------------------------------------------------------ reading

    private static final String SUMMARY = """
            SELECT c.id, c.name, c.starts_on, c.ends_on, c.status, c.unit_id, c.created_by,
                   (SELECT count(*) FROM campaign.campaign_case cc WHERE cc.campaign_id = c.id) AS cases,
                   (SELECT count(*) FROM campaign.campaign_case cc WHERE cc.campaign_id = c.id AND cc.status = 'CLOSED') AS closed
            FROM campaign.campaign c""";

    private Summary summary(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        return new Summary(rs.getLong("id"), rs.getString("name"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), status, "ACTIVE".equals(status) ? "进行中" : "已结束",
                units.find(rs.getLong("unit_id")).map(Unit::name).orElse(""), rs.getString("created_by"),
                rs.getInt("cases"), rs.getInt("closed"));
    }

    /** The campaign if the user may see it; a campaign outside their scope does not exist for them. */
    Summary summary(long id, StaffUser user) {
        return jdbc.sql(SUMMARY + " WHERE c.id = ? AND c.unit_id = ANY(?)").params(id, visible(user))
                .query(this::summary).optional().orElseThrow(() -> new NotFoundException("campaign.notFound"));
    }

    private static void requireActive(Summary s) {
        if (!"ACTIVE".equals(s.status())) {
            throw new RuleViolationException("campaign.finished", s.name());
        }
    }

    /** The campaign's cases, oldest petition first. */
    List<CaseView> cases(long id) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return jdbc.sql("""
                SELECT cc.*, p.title, p.status AS petition_status, p.received_at,
                       (SELECT pr.stage FROM campaign.progress pr JOIN campaign.dispatch d ON d.id = pr.dispatch_id
                        WHERE pr.campaign_case_id = cc.id ORDER BY d.held_on DESC, d.id DESC LIMIT 1) AS latest_stage
                FROM campaign.campaign_case cc JOIN petition.petition p ON p.id = cc.petition_id
                WHERE cc.campaign_id = ? ORDER BY p.received_at, cc.petition_number""").param(id).query((rs, n) -> {
                    PetitionStatus ps = PetitionStatus.valueOf(rs.getString("petition_status"));
                    LocalDate received = rs.getTimestamp("received_at").toInstant().atZone(ChinaTime.ZONE).toLocalDate();
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    String cls = rs.getString("resolution_class");
                    String ground = rs.getString("closure_ground");
                    String stage = rs.getString("latest_stage");
                    Timestamp closedAt = rs.getTimestamp("closed_at");
                    String status = rs.getString("status");
                    return new CaseView(rs.getLong("id"), rs.getString("petition_number"), rs.getString("title"),
                            ps.name(), ps.label(), ChronoUnit.DAYS.between(received, today),
                            rs.getString("responsible_leader"), rs.getString("plan"), rs.getString("measures"), due,
                            "OPEN".equals(status) && due != null && due.isBefore(today),
                            cls, cls == null ? null : ResolutionClass.valueOf(cls).label(), status,
                            ground, ground == null ? null : ClosureGround.valueOf(ground).label(),
                            rs.getString("closure_note"),
                            closedAt == null ? null : closedAt.toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime(),
                            stage, stage == null ? null : ProgressStage.valueOf(stage).label());
                }).list();
    }

    private record CaseRow(long id, UUID petitionId, String number, String status, String resolutionClass) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    private List<CaseRow> caseRows(long campaignId) {
        return jdbc.sql("SELECT id, petition_id, petition_number, status, resolution_class FROM campaign.campaign_case "
                + "WHERE campaign_id = ?").param(campaignId)
                .query((rs, n) -> new CaseRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    private CaseRow caseRow(long campaignId, String number) {
        return caseRows(campaignId).stream().filter(c -> c.number().equals(number)).findFirst()
                .orElseThrow(() -> new NotFoundException("campaign.case.notFound"));
    }

    private Long[] visible(StaffUser user) {
        return units.visibleUnitIds(user).toArray(Long[]::new);
    }
}
