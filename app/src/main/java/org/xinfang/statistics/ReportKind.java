package org.xinfang.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.xinfang.deadline.WorkingCalendar;

/** The reporting cadence 日统计、单周研判、双周通报、月点评. */
public enum ReportKind {
    /**
     * 日统计: the statistics sheet each working morning, covering the calendar days since the previous
     * working day's sheet — after a weekend or a holiday, all of its days.
     */
    DAILY("日统计"),
    /** 单周研判: the weekly analysis — trends against the week before, new hot topics, units falling behind. */
    WEEKLY("单周研判"),
    /** 双周通报: the biweekly bulletin — ranking of units, overdue cases by unit with the persons responsible. */
    BIWEEKLY("双周通报"),
    /** 月点评: the monthly review — every indicator against the month before, the ranking and comments. */
    MONTHLY("月点评");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The period the scheduled report of this kind produced on {@code day} covers, or null when none is due
     * that day: daily sheets on working days, weekly analyses on Mondays, bulletins on Mondays of odd ISO
     * weeks (every other Monday), monthly reviews on the first of the month.
     */
    public StatisticsPeriod scheduledPeriod(LocalDate day, WorkingCalendar calendar) {
        return switch (this) {
            case DAILY -> {
                if (!calendar.isWorkingDay(day)) {
                    yield null;
                }
                LocalDate previous = day.minusDays(1);
                while (!calendar.isWorkingDay(previous)) {
                    previous = previous.minusDays(1);
                }
                yield new StatisticsPeriod(previous, day.minusDays(1));
            }
            case WEEKLY -> day.getDayOfWeek() == DayOfWeek.MONDAY
                    ? new StatisticsPeriod(day.minusDays(7), day.minusDays(1)) : null;
            case BIWEEKLY -> day.getDayOfWeek() == DayOfWeek.MONDAY && day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 == 1
                    ? new StatisticsPeriod(day.minusDays(14), day.minusDays(1)) : null;
            case MONTHLY -> day.getDayOfMonth() == 1 ? StatisticsPeriod.monthOf(day.minusDays(1)) : null;
        };
    }
}
