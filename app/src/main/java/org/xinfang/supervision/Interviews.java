package org.xinfang.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.shared.InvalidInputException;

/**
 * 约谈 records: who of which unit was summoned, why, what they committed to, and when the supervisor
 * follows up. A record may name the case that prompted it.
 */
@Service
@Transactional
public class Interviews {

    /**
     * One 约谈 as recorded.
     *
     * @param unitId         the unit whose people were interviewed
     * @param interviewee    who (name and post), e.g. "张某某（局长）"
     * @param heldOn         the day of the talk (ISO date, not in the future)
     * @param followUpOn     the follow-up date (ISO date, after today)
     * @param petitionNumber the case that prompted it, or null
     */
    public record NewInterview(Long unitId, String interviewee, String reason, String commitments, String heldOn,
            String followUpOn, String petitionNumber) {
    }

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;
    private final Units units;

    Interviews(JdbcClient jdbc, CaseFiles cases, AuditLog audit, Units units) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.units = units;
    }

    public SupervisionViews.Interview record(NewInterview in, StaffUser by) {
        CaseFiles.requireRole(by, Role.SUPERVISOR);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        Unit unit = null;
        if (in.unitId() == null) {
            problems.add("unitId", "supervision.validation.required");
        } else {
            unit = units.find(in.unitId()).filter(u -> units.canSee(by, u.id())).orElse(null);
            if (unit == null) {
                problems.add("unitId", "supervision.validation.unit");
            }
        }
        String who = problems.text("interviewee", in.interviewee(), 200);
        String reason = problems.text("reason", in.reason(), 2000);
        String commitments = problems.text("commitments", in.commitments(), 4000);
        LocalDate held = problems.pastDate("heldOn", in.heldOn(), cases.today());
        LocalDate followUp = problems.futureDate("followUpOn", in.followUpOn(), cases.today(), 366, true);
        String number = in.petitionNumber() == null || in.petitionNumber().isBlank() ? null : in.petitionNumber().strip();
        problems.throwIfAny();
        if (number != null) {
            try {
                number = cases.visible(number, by).number();
            } catch (org.xinfang.shared.NotFoundException e) {
                throw new InvalidInputException("petitionNumber", "supervision.validation.case");
            }
        }
        long id = jdbc.sql("""
                INSERT INTO supervision.interview (unit_id, unit_name, interviewee, reason, commitments, held_on,
                    follow_up_on, petition_number, recorded_by, recorded_by_name, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.id(), unit.name(), who, reason, commitments, held, followUp, number, by.id(),
                        by.displayName(), Timestamp.from(cases.now()))
                .query(Long.class).single();
        audit.record("supervision.interview.recorded", "unit", unit.code(), "约谈 " + id + (number == null ? "" : " " + number));
        return list(by).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** The 约谈 records of units within the supervisor's scope, newest first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Interview> list(StaffUser user) {
        CaseFiles.requireRole(user, Role.SUPERVISOR, Role.LEADER);
        List<Object> ids = new ArrayList<>();
        ids.add(units.visibleUnitIds(user).toArray(Long[]::new));
        return jdbc.sql("SELECT * FROM supervision.interview WHERE unit_id = ANY(?) ORDER BY held_on DESC, id DESC LIMIT 500")
                .params(ids).query((rs, n) -> new SupervisionViews.Interview(rs.getLong("id"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("interviewee"), rs.getString("reason"),
                        rs.getString("commitments"), rs.getObject("held_on", LocalDate.class),
                        rs.getObject("follow_up_on", LocalDate.class), rs.getString("petition_number"),
                        rs.getString("recorded_by_name"), Suggestions.at(rs.getTimestamp("recorded_at"))))
                .list();
    }
}
