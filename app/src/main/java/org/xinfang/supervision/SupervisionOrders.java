package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.notification.StaffNotices;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.PetitionViews;
import org.xinfang.routing.RoutingPolicies;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 督办单: a supervisor (督查员) orders the unit that holds a case to act — by a method, for a lawful
 * reason, with a requirement and a due date. The unit (its 承办人 or 审核人) answers in writing; the
 * supervisor closes the order or escalates it (提级督办): the order is marked escalated and a new one at
 * the next level goes to the organ above the unit, which must then answer for it.
 * <p>
 * States: {@code OPEN} → {@code RESPONDED} → {@code CLOSED}; {@code OPEN} or {@code RESPONDED} →
 * {@code ESCALATED}. Every step is audited; the unit hears of a new order, the supervisor of a response,
 * through staff notices.
 */
@Service
@Transactional
public class SupervisionOrders {

    /** An order gives a unit at most this many days. */
    public static final int MAX_DAYS = 90;

    /**
     * What a supervisor asks for.
     *
     * @param number       the 信访件编号
     * @param method       a {@link SupervisionMethod} name
     * @param reason       a {@link SupervisionReason} name
     * @param requirement  what the unit must do
     * @param dueDate      by when (ISO date, after today)
     * @param suggestionId the suggestion this order follows up, or null
     */
    public record IssueOrder(String number, String method, String reason, String requirement, String dueDate,
            Long suggestionId) {
    }

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;
    private final StaffNotices notices;
    private final Suggestions suggestions;
    private final Units units;
    private final RoutingPolicies routing;

    SupervisionOrders(JdbcClient jdbc, CaseFiles cases, AuditLog audit, StaffNotices notices, Suggestions suggestions,
            Units units, RoutingPolicies routing) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.notices = notices;
        this.suggestions = suggestions;
        this.units = units;
        this.routing = routing;
    }

    /** Opens a 督办单 to the unit that holds the case now. */
    public SupervisionViews.Order issue(IssueOrder in, StaffUser by) {
        CaseFiles.requireRole(by, Role.SUPERVISOR);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        if (in.number() == null || in.number().isBlank()) {
            problems.add("number", "supervision.validation.number");
        }
        SupervisionMethod method = problems.choice("method", in.method(), SupervisionMethod.class);
        SupervisionReason reason = problems.choice("reason", in.reason(), SupervisionReason.class);
        String requirement = problems.text("requirement", in.requirement(), 2000);
        LocalDate due = problems.futureDate("dueDate", in.dueDate(), cases.today(), MAX_DAYS, true);
        problems.throwIfAny();
        PetitionViews.Detail d = cases.visible(in.number(), by);
        if (d.currentUnit() == null) {
            throw new RuleViolationException("supervision.order.noUnit");
        }
        long id = insert(d, d.currentUnit().id(), d.currentUnit().name(), CaseFiles.responsiblePerson(d), method, reason,
                requirement, due, 1, null, in.suggestionId(), by);
        if (in.suggestionId() != null) {
            suggestions.ordered(in.suggestionId(), id, d.number(), by);
        }
        audit.record("supervision.order.issued", "petition", d.number(),
                "督办单 " + id + " " + method + " " + reason + " -> " + d.currentUnit().name() + " 限 " + due);
        notices.notifyUnit(d.currentUnit().id(), null, "新督办单（" + method.label() + "）：" + d.number() + "，请于" + due
                + "前反馈", "/supervision/orders/" + id);
        return get(id, by);
    }

    /** The unit's written answer to an open order, by its 承办人 or 审核人. */
    public SupervisionViews.Order respond(long id, String response, StaffUser by) {
        CaseFiles.requireRole(by, Role.HANDLER, Role.APPROVER);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String text = problems.text("response", response, 4000);
        problems.throwIfAny();
        SupervisionViews.Order o = get(id, by);
        if (o.unitId() != by.unitId()) {
            throw new org.springframework.security.access.AccessDeniedException("not the ordered unit");
        }
        if (!"OPEN".equals(o.state())) {
            throw new RuleViolationException("supervision.order.notOpen", o.stateLabel());
        }
        jdbc.sql("""
                UPDATE supervision.supervision_order SET state = 'RESPONDED', response = ?, responded_by_name = ?,
                    responded_at = ? WHERE id = ? AND state = 'OPEN'""")
                .params(text, by.displayName(), Timestamp.from(cases.now()), id).update();
        audit.record("supervision.order.responded", "petition", o.number(), "督办单 " + id);
        long issuer = jdbc.sql("SELECT issued_by FROM supervision.supervision_order WHERE id = ?").param(id)
                .query(Long.class).single();
        notices.notifyUser(issuer, "督办单已反馈：" + o.number() + "（" + o.unitName() + "）", "/supervision/orders/" + id);
        return get(id, by);
    }

    /** The supervisor closes an answered order (办结), with a note on how it was verified. */
    public SupervisionViews.Order close(long id, String note, StaffUser by) {
        CaseFiles.requireRole(by, Role.SUPERVISOR);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String text = problems.text("note", note, 2000);
        problems.throwIfAny();
        SupervisionViews.Order o = get(id, by);
        if (!"RESPONDED".equals(o.state())) {
            throw new RuleViolationException("supervision.order.notResponded", o.stateLabel());
        }
        jdbc.sql("""
                UPDATE supervision.supervision_order SET state = 'CLOSED', closed_by_name = ?, closed_at = ?, close_note = ?
                WHERE id = ? AND state = 'RESPONDED'""")
                .params(by.displayName(), Timestamp.from(cases.now()), text, id).update();
        audit.record("supervision.order.closed", "petition", o.number(), "督办单 " + id);
        return get(id, by);
    }

    /**
     * 提级督办: the order is escalated and a new one, one level up, goes to the organ above the unit (its
     * people's government, or the government above a government).
     *
     * @return the new order
     */
    public SupervisionViews.Order escalate(long id, String requirement, String dueDate, StaffUser by) {
        CaseFiles.requireRole(by, Role.SUPERVISOR);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String text = problems.text("requirement", requirement, 2000);
        LocalDate due = problems.futureDate("dueDate", dueDate, cases.today(), MAX_DAYS, true);
        problems.throwIfAny();
        SupervisionViews.Order o = get(id, by);
        if (!"OPEN".equals(o.state()) && !"RESPONDED".equals(o.state())) {
            throw new RuleViolationException("supervision.order.notOpen", o.stateLabel());
        }
        Unit unit = units.find(o.unitId()).orElseThrow();
        Unit above = routing.organAbove(unit);
        PetitionViews.Detail d = cases.visible(o.number(), by);
        jdbc.sql("UPDATE supervision.supervision_order SET state = 'ESCALATED', closed_by_name = ?, closed_at = ? "
                + "WHERE id = ?").params(by.displayName(), Timestamp.from(cases.now()), id).update();
        long next = insert(d, above.id(), above.name(), o.responsiblePerson(), SupervisionMethod.ESCALATED, o.reason(),
                text, due, o.level() + 1, id, null, by);
        audit.record("supervision.order.escalated", "petition", o.number(), "督办单 " + id + " 提级为 " + next + " -> "
                + above.name());
        notices.notifyUnit(above.id(), null, "提级督办：" + o.number() + "（原责任单位" + o.unitName() + "），请于" + due
                + "前反馈", "/supervision/orders/" + next);
        return get(next, by);
    }

    /**
     * One order: a supervisor or leader sees the orders on cases in their scope, a unit the orders addressed
     * to it; for anyone else it does not exist. Audited.
     */
    @Transactional
    public SupervisionViews.Order get(long id, StaffUser user) {
        SupervisionViews.Order o = list("o.id = ?", List.of(id), user).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("supervision.order.notFound"));
        audit.record("supervision.order.read", "petition", o.number(), "督办单 " + id);
        return o;
    }

    /** The orders a supervisor may see (state null for all), newest first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Order> forSupervisor(String state, StaffUser user) {
        CaseFiles.requireRole(user, Role.SUPERVISOR);
        return state == null ? list("TRUE", List.of(), user) : list("o.state = ?", List.of(state), user);
    }

    /** The orders addressed to the user's unit, open ones first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Order> forUnit(StaffUser user) {
        return list("o.unit_id = ?", List.of(user.unitId()), user);
    }

    /** The orders on one case that the user may see. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Order> ofCase(String number, StaffUser user) {
        return list("o.petition_number = ?", List.of(number), user);
    }

    private List<SupervisionViews.Order> list(String condition, List<Object> params, StaffUser user) {
        List<Object> all = new ArrayList<>(params);
        String visible;
        if (user.hasAny(Role.SUPERVISOR, Role.LEADER)) { // leaders read the orders on cases of their territory
            visible = "(o.unit_id = ? OR " + cases.scopeCondition() + ")";
            all.add(user.unitId());
            all.addAll(List.of(cases.scopeParameters(user)));
        } else {
            visible = "o.unit_id = ?";
            all.add(user.unitId());
        }
        return jdbc.sql("""
                SELECT o.*, (SELECT e.id FROM supervision.supervision_order e WHERE e.parent_id = o.id) AS escalated_to
                FROM supervision.supervision_order o JOIN petition.petition p ON p.id = o.petition_id
                WHERE\s""" + condition + " AND " + visible + " ORDER BY (o.state IN ('OPEN', 'RESPONDED')) DESC, o.due_date, o.id DESC LIMIT 500")
                .params(all).query((rs, n) -> map(rs, cases.today())).list();
    }

    private long insert(PetitionViews.Detail d, long unitId, String unitName, String person, SupervisionMethod method,
            SupervisionReason reason, String requirement, LocalDate due, int level, Long parentId, Long suggestionId,
            StaffUser by) {
        return jdbc.sql("""
                INSERT INTO supervision.supervision_order (petition_id, petition_number, unit_id, unit_name,
                    responsible_person, method, reason, requirement, due_date, level, parent_id, suggestion_id,
                    issued_by, issued_by_name, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.id(), d.number(), unitId, unitName, person, method.name(), reason.name(), requirement, due,
                        level, parentId, suggestionId, by.id(), by.displayName(), Timestamp.from(cases.now()))
                .query(Long.class).single();
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "OPEN" -> "待反馈";
            case "RESPONDED" -> "已反馈待审核";
            case "CLOSED" -> "已办结";
            case "ESCALATED" -> "已提级";
            default -> state;
        };
    }

    private static SupervisionViews.Order map(ResultSet rs, LocalDate today) throws SQLException {
        SupervisionMethod method = SupervisionMethod.valueOf(rs.getString("method"));
        SupervisionReason reason = SupervisionReason.valueOf(rs.getString("reason"));
        String state = rs.getString("state");
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new SupervisionViews.Order(rs.getLong("id"), rs.getString("petition_number"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getString("responsible_person"), method, method.label(), reason,
                reason.label(), rs.getString("requirement"), due, rs.getInt("level"), (Long) rs.getObject("parent_id"),
                (Long) rs.getObject("suggestion_id"), state, stateLabel(state), rs.getString("issued_by_name"),
                Suggestions.at(rs.getTimestamp("issued_at")), rs.getString("response"), rs.getString("responded_by_name"),
                Suggestions.at(rs.getTimestamp("responded_at")), rs.getString("closed_by_name"),
                Suggestions.at(rs.getTimestamp("closed_at")), rs.getString("close_note"),
                "OPEN".equals(state) && today.isAfter(due), (Long) rs.getObject("escalated_to"));
    }
}
