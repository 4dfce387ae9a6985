package org.xinfang.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xinfang.audit.AuditLog;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * What administrators maintain for the deadlines: the holiday calendar (法定节假日 and 调休上班日 from
 * the State Council's yearly notice) and the period rules (length and day count per statutory
 * period). Every change is audited and {@link Calendars#refresh() refreshes} the calendar in force once
 * it commits. Clocks already running keep the due date they were given; new clocks use the new data.
 * <p>
 * Each change also bumps the calendar version in the same transaction, so the other nodes of a
 * cluster reload their copy within {@code xinfang.deadline.calendar-check-interval}.
 */
@Service
public class CalendarAdmin {

    /** One exception to the weekday rule as the calendar page shows it. */
    public record Day(LocalDate day, WorkingCalendar.DayKind kind, String name) {
    }

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final AuditLog audit;
    private final CalendarStore store;

    CalendarAdmin(JdbcClient jdbc, Calendars calendars, AuditLog audit, CalendarStore store) {
        this.jdbc = jdbc;
        this.store = store;
        this.calendars = calendars;
        this.audit = audit;
    }

    /** The holidays and make-up working days entered for a year. */
    @Transactional(readOnly = true)
    public List<Day> days(int year) {
        return jdbc.sql("SELECT day, kind, name FROM deadline.calendar_day WHERE day >= ? AND day < ? ORDER BY day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), WorkingCalendar.DayKind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list();
    }

    /** The years that have entries, newest first (a year without one follows the plain weekday rule). */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT extract(year FROM day)::int AS y FROM deadline.calendar_day ORDER BY y DESC")
                .query(Integer.class).list();
    }

    /**
     * Enters one holiday or make-up working day, or changes it. A make-up working day on a weekday
     * changes nothing, so it is refused as a likely typing mistake (holidays on a weekend are entered,
     * as the notices list them, to show the whole holiday).
     */
    @Transactional
    public void saveDay(LocalDate day, WorkingCalendar.DayKind kind, String name) {
        List<FieldProblem> problems = new ArrayList<>();
        if (day == null) {
            problems.add(FieldProblem.of("day", "validation.required"));
        }
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "validation.required"));
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add(FieldProblem.of("name", "validation.required"));
        } else if (cleanName.length() > 40) {
            problems.add(FieldProblem.of("name", "validation.tooLong", 40));
        }
        if (day != null && kind != null) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            if (kind == WorkingCalendar.DayKind.WORKDAY && !weekend) {
                problems.add(FieldProblem.of("kind", "admin.calendar.workdayOnWeekday"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                INSERT INTO deadline.calendar_day (day, kind, name, updated_at) VALUES (?, ?, ?, now())
                ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()""")
                .params(day, kind.name(), cleanName).update();
        audit.record("calendar.daySaved", "calendar_day", day.toString(), kind.name() + " " + cleanName);
        refreshAfterCommit();
    }

    /** Removes an entry: the day follows the weekday rule again. */
    @Transactional
    public void removeDay(LocalDate day) {
        int removed = jdbc.sql("DELETE FROM deadline.calendar_day WHERE day = ?").param(day).update();
        if (removed > 0) {
            audit.record("calendar.dayRemoved", "calendar_day", day.toString(), "");
            refreshAfterCommit();
        }
    }

    /** The rules in force for every period, defaults included. */
    public List<PeriodRule> rules() {
        return calendars.rules().all();
    }

    /** Sets one period's length and day count. */
    @Transactional
    public void saveRule(StatutoryPeriod period, Integer days, DayCount dayCount) {
        List<FieldProblem> problems = new ArrayList<>();
        if (period == null) {
            problems.add(FieldProblem.of("period", "validation.required"));
        }
        if (days == null || days < PeriodRule.MIN_DAYS || days > PeriodRule.MAX_DAYS) {
            problems.add(FieldProblem.of("days", "admin.rule.days", PeriodRule.MIN_DAYS, PeriodRule.MAX_DAYS));
        }
        if (dayCount == null) {
            problems.add(FieldProblem.of("dayCount", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PeriodRule before = calendars.rules().rule(period);
        jdbc.sql("""
                INSERT INTO deadline.period_rule (period, days, day_count, updated_at) VALUES (?, ?, ?, now())
                ON CONFLICT (period) DO UPDATE SET days = EXCLUDED.days, day_count = EXCLUDED.day_count, updated_at = now()""")
                .params(period.name(), days, dayCount.name()).update();
        audit.record("deadline.ruleSaved", "period_rule", period.name(),
                before.days() + " " + before.dayCount() + " -> " + days + " " + dayCount);
        refreshAfterCommit();
    }

    /**
     * Bumps the version (in this transaction, so other nodes see it exactly when the change commits) and
     * reloads this node's copy once committed, so a rolled-back change never takes effect.
     */
    private void refreshAfterCommit() {
        store.bumpVersion();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendars.refresh();
                }
            });
        } else {
            calendars.refresh();
        }
    }
}
