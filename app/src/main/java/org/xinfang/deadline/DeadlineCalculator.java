package org.xinfang.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Turns a trigger date and a period into a due date, the way the civil law counts periods:
 * the day of the trigger does not count, counting starts the next day (民法典 Art.201), and a
 * period whose last day is a holiday or rest day ends on the next working day (民法典 Art.203).
 * A due date is a whole day in China time: anything done on it, up to midnight, is on time.
 * <p>
 * Stateless; pure functions of its arguments.
 */
public final class DeadlineCalculator {

    /** Petition deadlines are counted in China's calendar days, wherever the server runs. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /**
     * The last day of a period of {@code days} days that starts with the day after {@code trigger}.
     * <ul>
     * <li>{@link DayCount#CALENDAR}: {@code trigger + days}, moved on to the next working day if that
     * is a holiday or rest day.</li>
     * <li>{@link DayCount#WORKING}: the {@code days}-th working day after {@code trigger}.</li>
     * </ul>
     * A period of 0 days ends on the trigger day itself, or the next working day if that is off.
     *
     * @param trigger the day of the event that starts the clock (receipt, acceptance, reply …)
     */
    public LocalDate dueDate(LocalDate trigger, int days, DayCount count, WorkingCalendar calendar) {
        requireNonNull(trigger, "trigger date");
        requireNonNull(count, "day count");
        requireNonNull(calendar, "working calendar");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        return switch (count) {
            case CALENDAR -> calendar.nextWorkingDay(trigger.plusDays(days));
            case WORKING -> nthWorkingDayAfter(trigger, days, calendar);
        };
    }

    /** The due date of a configured period, see {@link #dueDate(LocalDate, int, DayCount, WorkingCalendar)}. */
    public LocalDate dueDate(LocalDate trigger, PeriodRule rule, WorkingCalendar calendar) {
        requireNonNull(rule, "period rule");
        return dueDate(trigger, rule.days(), rule.dayCount(), calendar);
    }

    /** The last second of the due date in China time: the moment a deadline scan may call it missed after. */
    public Instant dueAt(LocalDate dueDate) {
        requireNonNull(dueDate, "due date");
        return dueDate.atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }

    /**
     * Whether an act at {@code at} meets a deadline: its date in China time is not after the due
     * date. Compared by date, not by {@link #dueAt}, so the last second of the day is not lost.
     */
    public boolean onTime(Instant at, LocalDate dueDate) {
        requireNonNull(at, "instant");
        requireNonNull(dueDate, "due date");
        return !LocalDate.ofInstant(at, ZONE).isAfter(dueDate);
    }

    /**
     * Calendar days from {@code today} to the due date: 0 on the due day, negative once overdue.
     * Calendar days, whatever the period's day count, because that is what a person reads as
     * "还剩N天".
     */
    public long daysLeft(LocalDate today, LocalDate dueDate) {
        requireNonNull(today, "today");
        requireNonNull(dueDate, "due date");
        return ChronoUnit.DAYS.between(today, dueDate);
    }

    private static LocalDate nthWorkingDayAfter(LocalDate trigger, int days, WorkingCalendar calendar) {
        if (days == 0) {
            return calendar.nextWorkingDay(trigger);
        }
        LocalDate day = trigger;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
