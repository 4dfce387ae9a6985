package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.deadline.Calendars;
import org.xinfang.deadline.WorkingCalendar;
import org.xinfang.notification.StaffNotices;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 领导包案: a leader takes ownership of a hard case with a plan (工作方案), measures (化解措施) and a deadline;
 * the leader and the unit that holds the case add progress notes; the leader's dashboard lists the owned
 * cases with the working days left, overdue first. One leader owns a case at a time.
 */
@Service
@Transactional
public class CaseOwnerships {

    /** A 包案 runs at most this many days; longer campaigns belong to 积案攻坚. */
    public static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;
    private final StaffNotices notices;
    private final Calendars calendars;

    CaseOwnerships(JdbcClient jdbc, CaseFiles cases, AuditLog audit, StaffNotices notices, Calendars calendars) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.notices = notices;
        this.calendars = calendars;
    }

    /** The leader takes the case on; the unit that holds it is told who owns it now. */
    public SupervisionViews.Ownership take(String number, String plan, String measures, String dueDate, StaffUser leader) {
        CaseFiles.requireRole(leader, Role.LEADER);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String p = problems.text("plan", plan, 4000);
        String m = problems.text("measures", measures, 4000);
        LocalDate due = problems.futureDate("dueDate", dueDate, cases.today(), MAX_DAYS, true);
        if (number == null || number.isBlank()) {
            problems.add("number", "supervision.validation.number");
        }
        problems.throwIfAny();
        PetitionViews.Detail d = cases.visible(number, leader);
        Optional<SupervisionViews.Ownership> owner = ownerOf(d.number());
        if (owner.isPresent()) {
            throw new RuleViolationException("supervision.ownership.taken", owner.get().leaderName());
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO supervision.ownership (petition_id, petition_number, leader_id, leader_name, plan, measures,
                        due_date, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(d.id(), d.number(), leader.id(), leader.displayName(), p, m, due, Timestamp.from(cases.now()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // another leader took it a moment ago; the failed insert ended the transaction, so no further lookup
            throw new RuleViolationException("supervision.ownership.taken", "");
        }
        audit.record("supervision.ownership.taken", "petition", d.number(), leader.displayName() + " 包案，限 " + due);
        if (d.currentUnit() != null) {
            notices.notifyUnit(d.currentUnit().id(), null, "领导包案：" + leader.displayName() + " 包案 " + d.number()
                    + "，化解期限 " + due, "/cases/" + d.number());
        }
        notices.notifyUser(leader.id(), "您已包案 " + d.number() + "，化解期限 " + due, "/leader");
        return get(id, leader);
    }

    /** A progress note (进展) by the owning leader or by staff of the unit that holds the case. */
    public SupervisionViews.Ownership addNote(long id, String text, StaffUser by) {
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String t = problems.text("text", text, 2000);
        problems.throwIfAny();
        SupervisionViews.Ownership o = get(id, by);
        if (!"ACTIVE".equals(o.state())) {
            throw new RuleViolationException("supervision.ownership.ended");
        }
        jdbc.sql("INSERT INTO supervision.progress_note (ownership_id, at, author_name, author_unit, text) VALUES (?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(cases.now()), by.displayName(), by.unitName(), t).update();
        audit.record("supervision.ownership.note", "petition", o.number(), "包案进展");
        if (by.id() != o.leaderId()) {
            notices.notifyUser(o.leaderId(), "包案进展：" + o.number() + "（" + by.unitName() + "）", "/leader");
        }
        return get(id, by);
    }

    /** The owning leader ends the 包案 (化解完成 or handed on), with a note. */
    public SupervisionViews.Ownership end(long id, String note, StaffUser leader) {
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String t = problems.text("note", note, 2000);
        problems.throwIfAny();
        SupervisionViews.Ownership o = get(id, leader);
        if (o.leaderId() != leader.id()) {
            throw new org.springframework.security.access.AccessDeniedException("not the owner");
        }
        if (!"ACTIVE".equals(o.state())) {
            throw new RuleViolationException("supervision.ownership.ended");
        }
        jdbc.sql("UPDATE supervision.ownership SET state = 'ENDED', ended_at = ?, end_note = ? WHERE id = ?")
                .params(Timestamp.from(cases.now()), t, id).update();
        audit.record("supervision.ownership.ended", "petition", o.number(), t);
        return get(id, leader);
    }

    /** The leader's dashboard: the cases they own now, overdue first, then by due date. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Ownership> ownedBy(StaffUser leader) {
        return jdbc.sql("""
                SELECT o.*, p.title, p.status, u.name AS unit FROM supervision.ownership o
                JOIN petition.petition p ON p.id = o.petition_id LEFT JOIN organization.unit u ON u.id = p.current_unit_id
                WHERE o.leader_id = ? AND o.state = 'ACTIVE' ORDER BY o.due_date, o.id""")
                .param(leader.id()).query((rs, n) -> map(rs, calendars.current(), cases.today())).list().stream()
                .sorted(Comparator.comparing(SupervisionViews.Ownership::workingDaysLeft))
                .map(this::withNotes).toList();
    }

    /** Who owns the case now, if anyone; shown on the case page to everyone who may see the case. */
    @Transactional(readOnly = true)
    public Optional<SupervisionViews.Ownership> ownerOf(String number) {
        return jdbc.sql("""
                SELECT o.*, p.title, p.status, u.name AS unit FROM supervision.ownership o
                JOIN petition.petition p ON p.id = o.petition_id LEFT JOIN organization.unit u ON u.id = p.current_unit_id
                WHERE o.petition_number = ? AND o.state = 'ACTIVE'""")
                .param(number).query((rs, n) -> map(rs, calendars.current(), cases.today())).optional()
                .map(this::withNotes);
    }

    /** One ownership, for its leader, staff of the unit holding the case, and supervisors in scope. */
    @Transactional(readOnly = true)
    public SupervisionViews.Ownership get(long id, StaffUser user) {
        SupervisionViews.Ownership o = jdbc.sql("""
                SELECT o.*, p.title, p.status, p.current_unit_id, u.name AS unit FROM supervision.ownership o
                JOIN petition.petition p ON p.id = o.petition_id LEFT JOIN organization.unit u ON u.id = p.current_unit_id
                WHERE o.id = ?""")
                .param(id).query((rs, n) -> map(rs, calendars.current(), cases.today())).optional()
                .orElseThrow(() -> new NotFoundException("supervision.ownership.notFound"));
        if (o.leaderId() != user.id()) {
            cases.visible(o.number(), user); // 404 outside the user's scope
        }
        return withNotes(o);
    }

    private SupervisionViews.Ownership withNotes(SupervisionViews.Ownership o) {
        List<SupervisionViews.ProgressNote> notes = jdbc.sql(
                "SELECT at, author_name, author_unit, text FROM supervision.progress_note WHERE ownership_id = ? ORDER BY at, id")
                .param(o.id()).query((rs, n) -> new SupervisionViews.ProgressNote(Suggestions.at(rs.getTimestamp(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4))).list();
        return new SupervisionViews.Ownership(o.id(), o.number(), o.title(), o.statusLabel(), o.currentUnit(),
                o.leaderId(), o.leaderName(), o.plan(), o.measures(), o.dueDate(), o.workingDaysLeft(), o.overdue(),
                o.takenAt(), o.state(), notes);
    }

    private static SupervisionViews.Ownership map(ResultSet rs, WorkingCalendar calendar, LocalDate today)
            throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        long left = workingDaysLeft(today, due, calendar);
        return new SupervisionViews.Ownership(rs.getLong("id"), rs.getString("petition_number"), rs.getString("title"),
                org.xinfang.petition.PetitionStatus.valueOf(rs.getString("status")).label(), rs.getString("unit"),
                rs.getLong("leader_id"), rs.getString("leader_name"), rs.getString("plan"), rs.getString("measures"), due,
                left, today.isAfter(due), Suggestions.at(rs.getTimestamp("taken_at")), rs.getString("state"), List.of());
    }

    /**
     * Working days from today to the due date: the working days after today up to and including the due
     * date (0 on the due date itself, or when only rest days remain); once overdue, minus the working days
     * after the due date up to and including today.
     */
    static long workingDaysLeft(LocalDate today, LocalDate due, WorkingCalendar calendar) {
        if (!today.isAfter(due)) {
            long n = 0;
            for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    n++;
                }
            }
            return n;
        }
        long n = 0;
        for (LocalDate d = due.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return -Math.max(n, 1);
    }
}
