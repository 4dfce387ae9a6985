package org.xinfang.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.notification.StaffNotices;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 预警 (信息预警、风险研判, "早发现、早处理、早化解"): runs the {@link WarningRules} and keeps the warnings they
 * raise, each with a level, the rule, the evidence (the petitions), an owner and a status.
 * <p>
 * <b>Owner.</b> The government of the territory (district or county) the petitions come from — under 属地管理
 * that government answers for the matter, and its leaders and the leaders above it (the city) see it in
 * their scope; a matter with no district of this installation goes to the top territory's government.
 * <p>
 * <b>Deduplication.</b> The same rule and key (territory × category, place or group, matter, visit) whose
 * window overlaps an earlier warning updates that warning — new evidence added, the level only ever
 * raised — unless it was handled and the new evidence holds petitions it did not have, which raises a new
 * warning. A cluster whose key shifted (another place named most often) is matched by shared evidence.
 * Evaluations are serialised by a transaction-scoped advisory lock, so scheduled and on-demand runs on
 * several nodes never raise the same warning twice.
 * <p>
 * <b>Notification.</b> A new warning, and a warning whose level rises, is sent as a workbench notice
 * ({@link StaffNotices}) to the leaders of the owning territory, a red one also to the leaders of the territory
 * above; the warnings page itself is the full list.
 * <p>
 * Leaders (领导), supervisors (督查员) and administrators read warnings of the territories in their scope;
 * leaders and supervisors acknowledge (签收) and handle (处置) them with a note; every change is audited.
 */
@Service
public class Warnings {

    /** The longest note on a step. */
    public static final int MAX_NOTE = 2000;
    private static final long LOCK = 0x5859_5741_524eL; // "XYWARN": the evaluation's advisory lock

    /** What one evaluation did. */
    public record Evaluation(OffsetDateTime at, int found, int raised, int updated) {
    }

    /** A list filter; null or empty means any. */
    public record Filter(List<WarningStatus> statuses, WarningLevel level, WarningRule rule) {
    }

    private final JdbcClient jdbc;
    private final WarningRules rules;
    private final Units units;
    private final PetitionScope scope;
    private final AuditLog audit;
    private final StaffNotices notices;
    private final Clock clock;

    Warnings(JdbcClient jdbc, WarningRules rules, Units units, PetitionScope scope, AuditLog audit, StaffNotices notices,
            Clock clock) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.rules = rules;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ evaluation

    /** Runs every rule as of now (the scheduler's entry). */
    @Transactional
    public Evaluation evaluate() {
        return evaluateAt(clock.instant());
    }

    /** Runs every rule on demand, for an administrator or supervisor; audited. */
    @Transactional
    public Evaluation evaluate(StaffUser by) {
        if (!by.hasAny(Role.ADMIN, Role.SUPERVISOR)) {
            throw new AccessDeniedException("evaluating warnings is for administrators and supervisors");
        }
        Evaluation e = evaluateAt(clock.instant());
        audit.record("warning.evaluated", "warning", "-", "found " + e.found() + ", raised " + e.raised()
                + ", updated " + e.updated());
        return e;
    }

    /** Runs every rule as of {@code now} (a replay moves {@code now} week by week). */
    @Transactional
    Evaluation evaluateAt(Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
        int raised = 0;
        int updated = 0;
        List<WarningRules.Candidate> found = rules.evaluate(now);
        for (WarningRules.Candidate c : found) {
            switch (keep(c, now)) {
                case RAISED -> raised++;
                case UPDATED -> updated++;
                case UNCHANGED -> { }
            }
        }
        return new Evaluation(now.atZone(ChinaTime.ZONE).toOffsetDateTime(), found.size(), raised, updated);
    }

    private enum Kept { RAISED, UPDATED, UNCHANGED }

    private record Existing(long id, WarningStatus status, WarningLevel level, List<UUID> evidence, Instant windowTo) {
    }

    private Kept keep(WarningRules.Candidate c, Instant now) {
        UUID[] evidence = c.evidence().toArray(UUID[]::new);
        Optional<Existing> existing = jdbc.sql("""
                SELECT id, status, level, evidence, window_to FROM insight.warning
                WHERE rule = ? AND (dedup_key = ? OR (? AND evidence && ?)) AND window_to >= ?
                ORDER BY status = 'HANDLED', window_to DESC LIMIT 1 FOR UPDATE""")
                .params(c.rule().name(), c.key(), c.rule() == WarningRule.CLUSTER, evidence, Timestamp.from(c.from()))
                .query((rs, n) -> new Existing(rs.getLong(1), WarningStatus.valueOf(rs.getString(2)),
                        WarningLevel.valueOf(rs.getString(3)), Arrays.asList((UUID[]) rs.getArray(4).getArray()),
                        rs.getTimestamp(5).toInstant()))
                .optional();
        if (existing.isPresent() && existing.get().status() != WarningStatus.HANDLED) {
            Existing e = existing.get();
            Set<UUID> union = new LinkedHashSet<>(e.evidence());
            union.addAll(c.evidence());
            WarningLevel level = e.level().atLeast(c.level());
            boolean changed = union.size() > e.evidence().size() || level != e.level();
            jdbc.sql("""
                    UPDATE insight.warning SET evidence = ?, level = ?, title = ?, reason = ?, score = ?,
                           window_to = greatest(window_to, ?), updated_at = CASE WHEN ? THEN ? ELSE updated_at END,
                           version = version + CASE WHEN ? THEN 1 ELSE 0 END
                    WHERE id = ?""")
                    .params(union.toArray(UUID[]::new), level.name(), title(c), c.reason(), c.score(),
                            Timestamp.from(c.to()), changed, Timestamp.from(now), changed, e.id())
                    .update();
            if (level != e.level()) {
                notifyLeaders(e.id(), owner(c.regionCode()), level, c.rule(), union.size(), true);
            }
            return changed ? Kept.UPDATED : Kept.UNCHANGED;
        }
        if (existing.isPresent() && existing.get().evidence().containsAll(c.evidence())) {
            return Kept.UNCHANGED; // handled, and nothing new since
        }
        Unit owner = owner(c.regionCode());
        long id = jdbc.sql("""
                INSERT INTO insight.warning (rule, dedup_key, window_from, window_to, level, title, reason, score, region_code,
                    category, key_domain, owner_unit_id, evidence, status, raised_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?) RETURNING id""")
                .params(c.rule().name(), c.key(), Timestamp.from(c.from()), Timestamp.from(c.to().isAfter(c.from())
                        ? c.to() : c.from().plusSeconds(1)), c.level().name(), title(c), c.reason(), c.score(),
                        owner.regionCode(), c.category(), c.keyDomain(), owner.id(), evidence, Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class).single();
        notifyLeaders(id, owner, c.level(), c.rule(), c.evidence().size(), false);
        return Kept.RAISED;
    }

    /**
     * Tells the leaders (领导) of the owning territory in their workbench; a red warning also goes to the leaders of
     * the territory above, as a major matter is reported upwards at once (Art.25). The notice names the rule, the
     * territory and the number of petitions, never a petition's text (which may carry personal data).
     */
    private void notifyLeaders(long id, Unit owner, WarningLevel level, WarningRule rule, int petitions, boolean raised) {
        String title = level.label() + "预警" + (raised ? "升级" : "") + "：" + owner.name() + "·" + rule.label() + "（涉及 "
                + petitions + " 件）";
        String link = "/warnings/" + id;
        notices.notifyUnit(owner.id(), Role.LEADER, title, link);
        if (level == WarningLevel.RED && owner.parentId() != null) {
            units.find(owner.parentId()).map(units::territoryOf).filter(up -> up.id() != owner.id())
                    .ifPresent(up -> notices.notifyUnit(up.id(), Role.LEADER, title, link));
        }
    }

    /** The government of the petitions' district or county; the top territory when this installation has none. */
    Unit owner(String regionCode) {
        Optional<Unit> territory = regionCode == null || regionCode.length() < 6 ? Optional.empty()
                : units.territory(regionCode.substring(0, 6));
        return territory.orElseGet(() -> units.territories().get(0));
    }

    private String title(WarningRules.Candidate c) {
        return c.title().replace("{territory}", owner(c.regionCode()).name());
    }

    // ------------------------------------------------------------------ reading

    private static final String SELECT = """
            SELECT w.*, u.name AS owner_name, cardinality(w.evidence) AS evidence_count
            FROM insight.warning w JOIN organization.unit u ON u.id = w.owner_unit_id
            """;

    /** The warnings of the territories in the user's scope, most urgent first, newest first within a level (at most 500). */
    @Transactional(readOnly = true)
    public List<WarningView> list(Filter filter, StaffUser user) {
        requireReader(user);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE w.owner_unit_id = ANY(?)");
        params.add(units.visibleUnitIds(user).toArray(Long[]::new));
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND w.status = ANY(?)");
            params.add(filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.level() != null) {
            where.append(" AND w.level = ?");
            params.add(filter.level().name());
        }
        if (filter.rule() != null) {
            where.append(" AND w.rule = ?");
            params.add(filter.rule().name());
        }
        return jdbc.sql(SELECT + where
                + " ORDER BY CASE w.level WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 ELSE 2 END, w.updated_at DESC, w.id DESC"
                + " LIMIT 500").params(params).query((rs, n) -> view(rs, List.of())).list();
    }

    /** How many open (not handled) warnings of each level the user's scope holds. */
    @Transactional(readOnly = true)
    public Map<WarningLevel, Integer> openCounts(StaffUser user) {
        requireReader(user);
        Map<WarningLevel, Integer> counts = new EnumMap<>(WarningLevel.class);
        for (WarningLevel l : WarningLevel.values()) {
            counts.put(l, 0);
        }
        jdbc.sql("SELECT level, count(*) FROM insight.warning WHERE owner_unit_id = ANY(?) AND status <> 'HANDLED' GROUP BY level")
                .param(units.visibleUnitIds(user).toArray(Long[]::new))
                .query((rs, n) -> counts.put(WarningLevel.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    /** One warning with the petitions behind it that the user may see; audited (it names cases). */
    @Transactional
    public WarningView get(long id, StaffUser user) {
        requireReader(user);
        WarningView w = find(id, user, false);
        audit.record("warning.read", "warning", String.valueOf(id), w.rule().name());
        return w;
    }

    private WarningView find(long id, StaffUser user, boolean forUpdate) {
        if (forUpdate) {
            jdbc.sql("SELECT id FROM insight.warning WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        }
        List<Object> params = new ArrayList<>(List.of(id, units.visibleUnitIds(user).toArray(Long[]::new)));
        return jdbc.sql(SELECT + " WHERE w.id = ? AND w.owner_unit_id = ANY(?)").params(params)
                .query((rs, n) -> view(rs, evidence((UUID[]) rs.getArray("evidence").getArray(), user))).optional()
                .orElseThrow(() -> new NotFoundException("warning.notFound"));
    }

    private List<WarningView.Evidence> evidence(UUID[] ids, StaffUser user) {
        List<Object> params = new ArrayList<>();
        params.add(ids);
        params.addAll(List.of(scope.parameters(user)));
        return jdbc.sql("""
                SELECT p.number, p.title, p.channel, p.headcount, p.category, p.received_at, p.status, p.repeat_of IS NOT NULL
                FROM petition.petition p WHERE p.id = ANY(?) AND """ + PetitionScope.CONDITION + " ORDER BY p.received_at, p.number")
                .params(params)
                .query((rs, n) -> new WarningView.Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), time(rs.getTimestamp(6)), PetitionStatus.valueOf(rs.getString(7)).label(), rs.getBoolean(8)))
                .list();
    }

    // ------------------------------------------------------------------ status

    /** 签收: the leader or supervisor takes the warning on (only a new one); the note is optional. */
    @Transactional
    public WarningView acknowledge(long id, String note, StaffUser by) {
        requireActor(by);
        String clean = note(note, false);
        WarningView w = find(id, by, true);
        if (w.status() != WarningStatus.NEW) {
            throw new RuleViolationException("warning.rule.notNew", w.status().label());
        }
        jdbc.sql("""
                UPDATE insight.warning SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?,
                       acknowledge_note = ?, version = version + 1 WHERE id = ?""")
                .params(by.displayName(), Timestamp.from(clock.instant()), clean, id).update();
        audit.record("warning.acknowledged", "warning", String.valueOf(id), clean == null ? "" : "with note");
        return find(id, by, false);
    }

    /** 处置: what was done about an acknowledged warning; the note is required. */
    @Transactional
    public WarningView handle(long id, String note, StaffUser by) {
        requireActor(by);
        String clean = note(note, true);
        WarningView w = find(id, by, true);
        if (w.status() != WarningStatus.ACKNOWLEDGED) {
            throw new RuleViolationException(w.status() == WarningStatus.NEW ? "warning.rule.acknowledgeFirst"
                    : "warning.rule.alreadyHandled");
        }
        jdbc.sql("""
                UPDATE insight.warning SET status = 'HANDLED', handled_by = ?, handled_at = ?, handle_note = ?,
                       version = version + 1 WHERE id = ?""")
                .params(by.displayName(), Timestamp.from(clock.instant()), clean, id).update();
        audit.record("warning.handled", "warning", String.valueOf(id), "with note");
        return find(id, by, false);
    }

    private static String note(String note, boolean required) {
        String clean = note == null ? null : note.strip();
        if (clean != null && clean.isEmpty()) {
            clean = null;
        }
        if (required && clean == null) {
            throw new InvalidInputException("note", "warning.validation.noteRequired");
        }
        if (clean != null && clean.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "warning.validation.noteTooLong", MAX_NOTE);
        }
        return clean;
    }

    private static void requireReader(StaffUser user) {
        if (!user.hasAny(Role.LEADER, Role.SUPERVISOR, Role.ADMIN)) {
            throw new AccessDeniedException("warnings are for leaders, supervisors and administrators");
        }
    }

    private static void requireActor(StaffUser user) {
        if (!user.hasAny(Role.LEADER, Role.SUPERVISOR)) {
            throw new AccessDeniedException("warnings are acknowledged and handled by leaders and supervisors");
        }
    }

    private WarningView view(ResultSet rs, List<WarningView.Evidence> evidence) throws SQLException {
        String region = rs.getString("region_code");
        String territoryName = units.territory(region).map(Unit::name).orElse(region);
        return new WarningView(rs.getLong("id"), WarningRule.valueOf(rs.getString("rule")),
                WarningLevel.valueOf(rs.getString("level")), rs.getString("title"), rs.getString("reason"),
                rs.getDouble("score"), region, territoryName, rs.getString("category"), rs.getBoolean("key_domain"),
                rs.getLong("owner_unit_id"), rs.getString("owner_name"), rs.getInt("evidence_count"),
                WarningStatus.valueOf(rs.getString("status")), time(rs.getTimestamp("window_from")),
                time(rs.getTimestamp("window_to")), time(rs.getTimestamp("raised_at")), time(rs.getTimestamp("updated_at")),
                rs.getString("acknowledged_by"), time(rs.getTimestamp("acknowledged_at")), rs.getString("acknowledge_note"),
                rs.getString("handled_by"), time(rs.getTimestamp("handled_at")), rs.getString("handle_note"), evidence);
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime();
    }
}
