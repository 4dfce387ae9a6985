package org.xinfang.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.deadline.ClockView;
import org.xinfang.deadline.Clocks;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.NotFoundException;

/** Read side: one petition in full (audited), work lists within the caller's scope, the public view. */
@Service
public class PetitionQueries {

    /** Filters of a work list; null means "any". */
    public record Filter(PetitionStatus status, Long unitId, Boolean overdue, String q, int page, int size) {
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

    PetitionQueries(JdbcClient jdbc, PetitionVisibility visibility, PetitionScope scope, Units units, Clocks clocks, Petitioners petitioners,
            AuditLog audit, Clock clock) {
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
        audit.record("petition.read", "petition", number, fullPersonalData ? "detail with personal data" : "detail");
        PetitionerDetails who = petitioners.find(p.petitionerId).orElseThrow();
        return view(p, fullPersonalData ? who : who.masked(), !fullPersonalData);
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
        audit.record("petition.read", "petition", p.number, "system: " + purpose);
        return view(p, petitioners.find(p.petitionerId).orElseThrow(), false);
    }

    /** A page of the work list, only what the caller may see, most urgent first. */
    @Transactional(readOnly = true)
    public PetitionViews.Page list(Filter f, StaffUser user) {
        StringBuilder where = new StringBuilder(" WHERE " + PetitionScope.CONDITION);
        List<Object> params = new ArrayList<>(List.of(scope.parameters(user)));
        if (f.status() != null) {
            where.append(" AND p.status = ?");
            params.add(f.status().name());
        }
        if (f.unitId() != null) {
            where.append(" AND p.current_unit_id = ?");
            params.add(f.unitId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" AND (p.number = ? OR p.title ILIKE ? OR p.content ILIKE ?)");
            String like = "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(f.q().strip());
            params.add(like);
            params.add(like);
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        String nextDue = "(SELECT c.due_date FROM deadline.clock c WHERE c.subject_id = p.id AND c.state = 'RUNNING' "
                + "AND c.unit_id IS NOT NULL ORDER BY c.due_date LIMIT 1)";
        if (f.overdue() != null) {
            where.append(f.overdue() ? " AND " + nextDue + " < ?" : " AND (" + nextDue + " IS NULL OR " + nextDue + " >= ?)");
            params.add(java.sql.Date.valueOf(today));
            if (!f.overdue()) {
                params.add(java.sql.Date.valueOf(today));
            }
        }
        long total = jdbc.sql("SELECT count(*) FROM petition.petition p" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(f.size());
        pageParams.add((long) f.page() * f.size());
        List<PetitionViews.Row> rows = jdbc.sql("""
                SELECT p.*, u.name AS unit_name, n.due_date AS next_due, n.period AS next_period
                FROM petition.petition p JOIN organization.unit u ON u.id = p.current_unit_id
                LEFT JOIN LATERAL (SELECT c.due_date, c.period FROM deadline.clock c WHERE c.subject_id = p.id
                                   AND c.state = 'RUNNING' AND c.unit_id IS NOT NULL ORDER BY c.due_date LIMIT 1) n ON TRUE
                """ + where + " ORDER BY n.due_date NULLS LAST, p.received_at DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> row(rs, today)).list();
        return new PetitionViews.Page(rows, total, f.page(), f.size());
    }

    /** What the petitioner sees with the right query code (checked by the caller); audited like every read. */
    @Transactional
    public PetitionViews.PublicView publicView(String number) {
        Petition p = jdbc.sql("SELECT * FROM petition.petition WHERE number = ?").param(number)
                .query((rs, n) -> PetitionStore.map(rs, 0)).optional()
                .orElseThrow(() -> new NotFoundException("petition.notFound"));
        audit.record("petition.publicRead", "petition", number, "tracking with query code");
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
                    c.unitId() == null ? null : units.find(c.unitId()).map(Unit::name).orElse(null)));
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

    private PetitionViews.Row row(ResultSet rs, LocalDate today) throws SQLException {
        Petition p = PetitionStore.map(rs, 0);
        java.sql.Date next = rs.getDate("next_due");
        LocalDate nextDue = next == null ? null : next.toLocalDate();
        return new PetitionViews.Row(p.number, p.status.name(), p.status.label(), p.channel.name(), p.type.name(), p.title,
                p.regionCode, at(p.receivedAt), new PetitionViews.UnitRef(p.currentUnitId, rs.getString("unit_name")),
                nextDue, rs.getString("next_period"), nextDue != null && nextDue.isBefore(today), flags(p, null));
    }

    private static OffsetDateTime at(java.time.Instant i) {
        return i == null ? null : i.atZone(ChinaTime.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime at(Timestamp t) {
        return t == null ? null : at(t.toInstant());
    }
}
