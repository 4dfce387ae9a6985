package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.notification.StaffNotices;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.petition.PetitionViews;
import org.xinfang.routing.RouteMode;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 信访工作联席会议: a cross-department matter is referred to the joint conference; its decision (meeting
 * date, participants, decision, lead unit, deadline) is recorded and the case follows it. While the case
 * still waits to be routed, the decision is carried out as a 交办 to the lead unit with the decision's
 * deadline as the feedback date — done through the petition lifecycle by a 登记员, who alone may route
 * (at once if the one recording the decision is a 登记员, otherwise the bureau's clerks are told and
 * carry it out with {@link #follow}). A case already with a unit keeps its course; the decision is
 * recorded, shown, and sent to the lead unit.
 * <p>
 * States: {@code REFERRED} → {@code AWAITING_ROUTE} → {@code FOLLOWED}, or {@code REFERRED} →
 * {@code RECORDED}.
 */
@Service
@Transactional
public class JointConference {

    /**
     * The conference's decision.
     *
     * @param meetingDate  the day it met (ISO date, not in the future)
     * @param participants the departments and people present
     * @param decision     what it decided
     * @param leadUnitId   the lead unit (牵头单位)
     * @param dueDate      by when the lead unit reports (ISO date, after today)
     */
    public record Decision(String meetingDate, String participants, String decision, Long leadUnitId, String dueDate) {
    }

    private static final Set<String> ROUTABLE = Set.of(PetitionStatus.REGISTERED.name(), PetitionStatus.RETURNED.name());

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;
    private final StaffNotices notices;
    private final Units units;
    private final PetitionLifecycle lifecycle;

    JointConference(JdbcClient jdbc, CaseFiles cases, AuditLog audit, StaffNotices notices, Units units,
            PetitionLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.notices = notices;
        this.units = units;
        this.lifecycle = lifecycle;
    }

    /** A supervisor refers a case to the conference. */
    public SupervisionViews.ConferenceReferral refer(String number, String reason, StaffUser by) {
        CaseFiles.requireRole(by, Role.SUPERVISOR);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String why = problems.text("reason", reason, 2000);
        if (number == null || number.isBlank()) {
            problems.add("number", "supervision.validation.number");
        }
        problems.throwIfAny();
        PetitionViews.Detail d = cases.visible(number, by);
        boolean pending = jdbc.sql("SELECT count(*) > 0 FROM supervision.conference_referral WHERE petition_id = ? AND state = 'REFERRED'")
                .param(d.id()).query(Boolean.class).single();
        if (pending) {
            throw new RuleViolationException("supervision.conference.pending");
        }
        long id = jdbc.sql("""
                INSERT INTO supervision.conference_referral (petition_id, petition_number, reason, referred_by,
                    referred_by_name, referred_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.id(), d.number(), why, by.id(), by.displayName(), Timestamp.from(cases.now()))
                .query(Long.class).single();
        audit.record("supervision.conference.referred", "petition", d.number(), "提交联席会议 " + id);
        return get(id, by);
    }

    /** Records the conference's decision and lets the case follow it. */
    public SupervisionViews.ConferenceReferral decide(long id, Decision in, StaffUser by) {
        CaseFiles.requireRole(by, Role.SUPERVISOR, Role.CLERK);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        LocalDate met = problems.pastDate("meetingDate", in.meetingDate(), cases.today());
        String participants = problems.text("participants", in.participants(), 2000);
        String decision = problems.text("decision", in.decision(), 4000);
        LocalDate due = problems.futureDate("dueDate", in.dueDate(), cases.today(), 366, true);
        Unit lead = null;
        if (in.leadUnitId() == null) {
            problems.add("leadUnitId", "supervision.validation.required");
        } else {
            lead = units.find(in.leadUnitId()).orElse(null);
            if (lead == null) {
                problems.add("leadUnitId", "supervision.validation.unit");
            }
        }
        problems.throwIfAny();
        SupervisionViews.ConferenceReferral r = get(id, by);
        if (!"REFERRED".equals(r.state())) {
            throw new RuleViolationException("supervision.conference.decided");
        }
        PetitionViews.Detail d = cases.visible(r.number(), by);
        boolean routable = ROUTABLE.contains(d.status());
        jdbc.sql("""
                UPDATE supervision.conference_referral SET state = ?, meeting_date = ?, participants = ?, decision = ?,
                    lead_unit_id = ?, lead_unit_name = ?, due_date = ?, decided_by_name = ?, decided_at = ? WHERE id = ?""")
                .params(routable ? "AWAITING_ROUTE" : "RECORDED", met, participants, decision, lead.id(), lead.name(), due,
                        by.displayName(), Timestamp.from(cases.now()), id)
                .update();
        audit.record("supervision.conference.decided", "petition", r.number(), "联席会议决定 牵头单位 " + lead.name());
        if (!routable) {
            notices.notifyUnit(lead.id(), null, "联席会议决定由本单位牵头办理：" + r.number() + "，" + due + "前报告",
                    "/supervision/conferences/" + id);
            return get(id, by);
        }
        if (by.has(Role.CLERK)) {
            return follow(id, by);
        }
        notices.notifyUnit(d.currentUnit().id(), Role.CLERK, "请按联席会议决定将 " + r.number() + " 交办至" + lead.name(),
                "/supervision/conferences/" + id);
        return get(id, by);
    }

    /** A 登记员 of the unit holding the case carries the decision out: 交办 to the lead unit. */
    public SupervisionViews.ConferenceReferral follow(long id, StaffUser clerk) {
        CaseFiles.requireRole(clerk, Role.CLERK);
        SupervisionViews.ConferenceReferral r = get(id, clerk);
        if (!"AWAITING_ROUTE".equals(r.state())) {
            throw new RuleViolationException("supervision.conference.notAwaiting");
        }
        lifecycle.route(r.number(), RouteMode.ASSIGN, r.leadUnitId(), r.dueDate(), clerk);
        jdbc.sql("UPDATE supervision.conference_referral SET state = 'FOLLOWED', followed_by_name = ?, followed_at = ? WHERE id = ?")
                .params(clerk.displayName(), Timestamp.from(cases.now()), id).update();
        audit.record("supervision.conference.followed", "petition", r.number(), "按联席会议决定交办至 " + r.leadUnitName());
        notices.notifyUnit(r.leadUnitId(), null, "联席会议决定由本单位牵头办理：" + r.number() + "，" + r.dueDate() + "前反馈",
                "/cases/" + r.number());
        return get(id, clerk);
    }

    /** One referral, for whoever may see the case or belongs to the lead unit. */
    @Transactional(readOnly = true)
    public SupervisionViews.ConferenceReferral get(long id, StaffUser user) {
        SupervisionViews.ConferenceReferral r = jdbc.sql("SELECT * FROM supervision.conference_referral WHERE id = ?")
                .param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("supervision.conference.notFound"));
        if (r.leadUnitId() == null || r.leadUnitId() != user.unitId()) {
            cases.visible(r.number(), user);
        }
        return r;
    }

    /** The referrals on cases within the user's scope, undecided first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.ConferenceReferral> list(StaffUser user) {
        List<Object> params = new ArrayList<>(List.of(cases.scopeParameters(user)));
        return jdbc.sql("SELECT r.* FROM supervision.conference_referral r JOIN petition.petition p ON p.id = r.petition_id WHERE "
                + cases.scopeCondition() + " ORDER BY (r.state IN ('REFERRED', 'AWAITING_ROUTE')) DESC, r.referred_at DESC LIMIT 500")
                .params(params).query((rs, n) -> map(rs)).list();
    }

    /** The referrals of one case (the caller has checked that the user may see it). */
    @Transactional(readOnly = true)
    public List<SupervisionViews.ConferenceReferral> ofCase(String number) {
        return jdbc.sql("SELECT * FROM supervision.conference_referral WHERE petition_number = ? ORDER BY referred_at DESC")
                .param(number).query((rs, n) -> map(rs)).list();
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "REFERRED" -> "待会议研究";
            case "AWAITING_ROUTE" -> "已决定，待交办牵头单位";
            case "FOLLOWED" -> "已按决定交办";
            case "RECORDED" -> "已决定（事项已在办理中）";
            default -> state;
        };
    }

    private static SupervisionViews.ConferenceReferral map(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        return new SupervisionViews.ConferenceReferral(rs.getLong("id"), rs.getString("petition_number"),
                rs.getString("reason"), rs.getString("referred_by_name"), Suggestions.at(rs.getTimestamp("referred_at")),
                state, stateLabel(state), rs.getObject("meeting_date", LocalDate.class), rs.getString("participants"),
                rs.getString("decision"), (Long) rs.getObject("lead_unit_id"), rs.getString("lead_unit_name"),
                rs.getObject("due_date", LocalDate.class), rs.getString("decided_by_name"),
                Suggestions.at(rs.getTimestamp("decided_at")), rs.getString("followed_by_name"),
                Suggestions.at(rs.getTimestamp("followed_at")));
    }
}
