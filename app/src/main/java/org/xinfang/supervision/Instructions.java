package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.notification.StaffNotices;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 领导批示: a leader's written instruction on a case, addressed to the unit that holds it, tracked until
 * done: {@code OPEN} → the unit reports it carried out ({@code REPORTED}) → the leader confirms
 * ({@code CONFIRMED}) or sends it back ({@code OPEN} again) when the report does not satisfy.
 */
@Service
@Transactional
public class Instructions {

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;
    private final StaffNotices notices;

    Instructions(JdbcClient jdbc, CaseFiles cases, AuditLog audit, StaffNotices notices) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.notices = notices;
    }

    /** The leader writes an instruction; the unit holding the case is told at once. */
    public SupervisionViews.Instruction write(String number, String text, String dueDate, StaffUser leader) {
        CaseFiles.requireRole(leader, Role.LEADER);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String t = problems.text("text", text, 2000);
        LocalDate due = problems.futureDate("dueDate", dueDate, cases.today(), 366, false);
        if (number == null || number.isBlank()) {
            problems.add("number", "supervision.validation.number");
        }
        problems.throwIfAny();
        PetitionViews.Detail d = cases.visible(number, leader);
        if (d.currentUnit() == null) {
            throw new RuleViolationException("supervision.order.noUnit");
        }
        long id = jdbc.sql("""
                INSERT INTO supervision.instruction (petition_id, petition_number, leader_id, leader_name, text, unit_id,
                    unit_name, due_date, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.id(), d.number(), leader.id(), leader.displayName(), t, d.currentUnit().id(),
                        d.currentUnit().name(), due, Timestamp.from(cases.now()))
                .query(Long.class).single();
        audit.record("supervision.instruction.written", "petition", d.number(), "批示 " + id);
        notices.notifyUnit(d.currentUnit().id(), null, "领导批示：" + leader.displayName() + " 对 " + d.number() + " 作出批示"
                + (due == null ? "" : "，请于" + due + "前落实"), "/supervision/instructions/" + id);
        return get(id, leader);
    }

    /** The unit reports the instruction carried out. */
    public SupervisionViews.Instruction report(long id, String report, StaffUser by) {
        CaseFiles.requireRole(by, Role.HANDLER, Role.APPROVER);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String t = problems.text("report", report, 4000);
        problems.throwIfAny();
        SupervisionViews.Instruction i = get(id, by);
        if (i.unitId() != by.unitId()) {
            throw new AccessDeniedException("not the instructed unit");
        }
        if (!"OPEN".equals(i.state())) {
            throw new RuleViolationException("supervision.instruction.notOpen", i.stateLabel());
        }
        jdbc.sql("""
                UPDATE supervision.instruction SET state = 'REPORTED', report = ?, reported_by_name = ?, reported_at = ?
                WHERE id = ? AND state = 'OPEN'""").params(t, by.displayName(), Timestamp.from(cases.now()), id).update();
        audit.record("supervision.instruction.reported", "petition", i.number(), "批示 " + id);
        notices.notifyUser(i.leaderId(), "批示落实情况已报告：" + i.number() + "（" + i.unitName() + "）",
                "/supervision/instructions/" + id);
        return get(id, by);
    }

    /** The leader confirms the report ({@code accept}) or sends the instruction back to the unit. */
    public SupervisionViews.Instruction confirm(long id, boolean accept, StaffUser leader) {
        SupervisionViews.Instruction i = get(id, leader);
        if (i.leaderId() != leader.id()) {
            throw new AccessDeniedException("not the instructing leader");
        }
        if (!"REPORTED".equals(i.state())) {
            throw new RuleViolationException("supervision.instruction.notReported", i.stateLabel());
        }
        if (accept) {
            jdbc.sql("UPDATE supervision.instruction SET state = 'CONFIRMED', confirmed_at = ? WHERE id = ?")
                    .params(Timestamp.from(cases.now()), id).update();
        } else {
            jdbc.sql("UPDATE supervision.instruction SET state = 'OPEN' WHERE id = ?").param(id).update();
            notices.notifyUnit(i.unitId(), null, "批示落实情况被退回，请继续落实：" + i.number(), "/supervision/instructions/" + id);
        }
        audit.record(accept ? "supervision.instruction.confirmed" : "supervision.instruction.returned", "petition",
                i.number(), "批示 " + id);
        return get(id, leader);
    }

    /** One instruction: for its leader, the instructed unit, and supervisors whose scope covers the case. */
    @Transactional(readOnly = true)
    public SupervisionViews.Instruction get(long id, StaffUser user) {
        SupervisionViews.Instruction i = jdbc.sql("SELECT * FROM supervision.instruction WHERE id = ?").param(id)
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("supervision.instruction.notFound"));
        if (i.leaderId() != user.id() && i.unitId() != user.unitId()) {
            if (!user.hasAny(Role.SUPERVISOR, Role.LEADER)) {
                throw new NotFoundException("supervision.instruction.notFound");
            }
            cases.visible(i.number(), user);
        }
        return i;
    }

    /** The instructions a leader wrote, open ones first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Instruction> writtenBy(StaffUser leader) {
        return list("leader_id = ?", leader.id());
    }

    /** The instructions addressed to the user's unit, open ones first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Instruction> forUnit(StaffUser user) {
        return list("unit_id = ?", user.unitId());
    }

    /** The instructions on a case (the caller has checked that the user may see it). */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Instruction> ofCase(String number) {
        return list("petition_number = ?", number);
    }

    private List<SupervisionViews.Instruction> list(String condition, Object param) {
        List<Object> params = new ArrayList<>();
        params.add(param);
        return jdbc.sql("SELECT * FROM supervision.instruction WHERE " + condition
                + " ORDER BY (state = 'CONFIRMED'), written_at DESC, id DESC LIMIT 500").params(params)
                .query((rs, n) -> map(rs)).list();
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "OPEN" -> "待落实";
            case "REPORTED" -> "已报告待确认";
            case "CONFIRMED" -> "已落实";
            default -> state;
        };
    }

    private static SupervisionViews.Instruction map(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        return new SupervisionViews.Instruction(rs.getLong("id"), rs.getString("petition_number"), rs.getLong("leader_id"),
                rs.getString("leader_name"), rs.getString("text"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getObject("due_date", LocalDate.class), Suggestions.at(rs.getTimestamp("written_at")), state,
                stateLabel(state), rs.getString("report"), rs.getString("reported_by_name"),
                Suggestions.at(rs.getTimestamp("reported_at")), Suggestions.at(rs.getTimestamp("confirmed_at")));
    }
}
