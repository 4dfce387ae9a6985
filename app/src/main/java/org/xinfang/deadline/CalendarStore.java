package org.xinfang.deadline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the holiday schedule and the period rules from the {@code deadline} schema
 * (migration {@code V1_40__working_calendar.sql}).
 */
@Repository
class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<LocalDate, WorkingCalendar.DayKind> calendarDays() {
        Map<LocalDate, WorkingCalendar.DayKind> days = new LinkedHashMap<>();
        jdbc.sql("select day, kind from deadline.calendar_day order by day")
                .query(rs -> {
                    days.put(rs.getObject("day", LocalDate.class),
                            WorkingCalendar.DayKind.valueOf(rs.getString("kind")));
                });
        return days;
    }

    /** The version the calendar and rules are at; {@link #bumpVersion()} moves it with each change. */
    long version() {
        return jdbc.sql("select version from deadline.calendar_version").query(Long.class).single();
    }

    /** Marks the calendar or the rules as changed, inside the changing transaction. */
    void bumpVersion() {
        jdbc.sql("update deadline.calendar_version set version = version + 1").update();
    }

    List<PeriodRule> periodRules() {
        return jdbc.sql("select period, days, day_count from deadline.period_rule order by period")
                .query((rs, rowNum) -> {
                    String period = rs.getString("period");
                    try {
                        return new PeriodRule(StatutoryPeriod.valueOf(period), rs.getInt("days"),
                                DayCount.valueOf(rs.getString("day_count")));
                    } catch (IllegalArgumentException e) {
                        // Fail loudly: silently dropping a configured rule could misstate a legal deadline.
                        throw new IllegalStateException(
                                "deadline.period_rule row '" + period + "' is not valid: " + e.getMessage(), e);
                    }
                })
                .list();
    }
}
