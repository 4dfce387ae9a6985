package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 督办建议: cases that hit a 督办 trigger appear in the supervisors' queue with the trigger named and the
 * responsible unit and person; a supervisor turns one into a 督办单 or dismisses it with a reason. Each
 * trigger raises exactly one suggestion per case (per missed period for deadlines), whatever number of
 * times its event is delivered.
 */
@Service
@Transactional
public class Suggestions {

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;

    Suggestions(JdbcClient jdbc, CaseFiles cases, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
    }

    /**
     * Raises a suggestion unless this case already has one for this trigger and period.
     *
     * @param period  the missed period's name, or "" for a trigger without one
     * @param dueDate the missed due date, or null
     * @return whether a new suggestion was raised
     */
    boolean raise(UUID petitionId, SupervisionReason trigger, String period, LocalDate dueDate) {
        // clocks run for other subjects too (campaign items …): only petitions are supervised here. Asked
        // first, because a failed lookup inside this transaction would mark it for rollback.
        boolean petition = jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition.petition WHERE id = ?)").param(petitionId)
                .query(Boolean.class).single();
        if (!petition) {
            return false;
        }
        PetitionViews.Detail d = cases.forSystem(petitionId, "督办建议 " + trigger.name());
        int inserted = jdbc.sql("""
                INSERT INTO supervision.suggestion (petition_id, petition_number, trigger, period, due_date, unit_id,
                    unit_name, responsible_person, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (petition_id, trigger, period) DO NOTHING""")
                .params(petitionId, d.number(), trigger.name(), period, dueDate,
                        d.currentUnit() == null ? null : d.currentUnit().id(),
                        d.currentUnit() == null ? null : d.currentUnit().name(), CaseFiles.responsiblePerson(d),
                        Timestamp.from(cases.now()))
                .update();
        if (inserted > 0) {
            audit.record("supervision.suggestion.raised", "petition", d.number(), trigger.name() + " " + period);
        }
        return inserted > 0;
    }

    /** The open suggestions on cases within the supervisor's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Suggestion> open(StaffUser user) {
        CaseFiles.requireRole(user, Role.SUPERVISOR);
        return query("s.state = 'OPEN'", user, List.of());
    }

    /** Every suggestion of one case the supervisor may see, newest first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Suggestion> ofCase(String number, StaffUser user) {
        CaseFiles.requireRole(user, Role.SUPERVISOR);
        return query("s.petition_number = ?", user, List.of(number));
    }

    /** One suggestion the supervisor may see. */
    @Transactional(readOnly = true)
    public SupervisionViews.Suggestion get(long id, StaffUser user) {
        CaseFiles.requireRole(user, Role.SUPERVISOR);
        return query("s.id = ?", user, List.of(id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("supervision.suggestion.notFound"));
    }

    /** Dismisses an open suggestion with the supervisor's reason (e.g. the delay had an approved cause). */
    public SupervisionViews.Suggestion dismiss(long id, String reason, StaffUser user) {
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String why = problems.text("reason", reason, 500);
        problems.throwIfAny();
        SupervisionViews.Suggestion s = get(id, user);
        if (!"OPEN".equals(s.state())) {
            throw new RuleViolationException("supervision.suggestion.notOpen");
        }
        jdbc.sql("""
                UPDATE supervision.suggestion SET state = 'DISMISSED', decided_by = ?, decided_at = ?, dismiss_reason = ?
                WHERE id = ? AND state = 'OPEN'""")
                .params(user.displayName(), Timestamp.from(cases.now()), why, id).update();
        audit.record("supervision.suggestion.dismissed", "petition", s.number(), why);
        return get(id, user);
    }

    /** Marks an open suggestion as turned into an order; called by {@link SupervisionOrders#issue}. */
    void ordered(long id, long orderId, String number, StaffUser user) {
        int changed = jdbc.sql("""
                UPDATE supervision.suggestion SET state = 'ORDERED', decided_by = ?, decided_at = ?, order_id = ?
                WHERE id = ? AND state = 'OPEN' AND petition_number = ?""")
                .params(user.displayName(), Timestamp.from(cases.now()), orderId, id, number).update();
        if (changed == 0) {
            throw new RuleViolationException("supervision.suggestion.notOpen");
        }
    }

    private List<SupervisionViews.Suggestion> query(String condition, StaffUser user, List<Object> params) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(cases.scopeParameters(user)));
        return jdbc.sql("SELECT s.* FROM supervision.suggestion s JOIN petition.petition p ON p.id = s.petition_id WHERE "
                + condition + " AND " + cases.scopeCondition() + " ORDER BY s.raised_at, s.id LIMIT 500")
                .params(all).query((rs, n) -> map(rs)).list();
    }

    static SupervisionViews.Suggestion map(ResultSet rs) throws SQLException {
        SupervisionReason trigger = SupervisionReason.valueOf(rs.getString("trigger"));
        String period = rs.getString("period");
        String periodLabel = period.isEmpty() ? null : StatutoryPeriod.valueOf(period).label();
        return new SupervisionViews.Suggestion(rs.getLong("id"), rs.getString("petition_number"), trigger,
                trigger.label(), period, periodLabel, rs.getObject("due_date", LocalDate.class),
                (Long) rs.getObject("unit_id"), rs.getString("unit_name"), rs.getString("responsible_person"),
                at(rs.getTimestamp("raised_at")), rs.getString("state"), rs.getString("dismiss_reason"),
                (Long) rs.getObject("order_id"));
    }

    static java.time.OffsetDateTime at(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime();
    }
}
