package org.xinfang.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which days are working days (工作日). Monday to Friday work and weekends rest, except where the
 * State Council's yearly holiday notice (国务院办公厅关于部分节假日安排的通知) says otherwise: a
 * holiday day is off even on a weekday, and a 调休 make-up day is worked even on a weekend.
 * <p>
 * A year whose notice is not entered is treated as plain weekdays, which can put a deadline on a
 * holiday; {@link #hasScheduleFor(int)} lets callers see that. Immutable.
 */
public final class WorkingCalendar {

    /** What the holiday notice says about one date. */
    public enum DayKind {
        /** 法定节假日 or a rest day moved by 调休: no work even on a weekday. */
        HOLIDAY,
        /** 调休上班日: a weekend day worked to make up for a moved rest day. */
        WORKDAY
    }

    private static final WorkingCalendar WEEKDAYS_ONLY = new WorkingCalendar(new TreeMap<>());

    private final TreeMap<LocalDate, DayKind> days;

    private WorkingCalendar(TreeMap<LocalDate, DayKind> days) {
        this.days = days;
    }

    /**
     * A calendar with the given holiday and make-up days.
     *
     * @param days the dates the holiday notices change; dates not listed follow the weekday rule
     */
    public static WorkingCalendar of(Map<LocalDate, DayKind> days) {
        if (days == null) {
            throw new IllegalArgumentException("calendar days must not be null");
        }
        TreeMap<LocalDate, DayKind> copy = new TreeMap<>();
        days.forEach((date, kind) -> {
            if (date == null) {
                throw new IllegalArgumentException("calendar days must not contain a null date");
            }
            if (kind == null) {
                throw new IllegalArgumentException("calendar day " + date + " has no kind");
            }
            copy.put(date, kind);
        });
        return new WorkingCalendar(copy);
    }

    /** Monday to Friday, no holidays: for tests, and the fallback before any notice is entered. */
    public static WorkingCalendar weekdaysOnly() {
        return WEEKDAYS_ONLY;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("date must not be null");
        }
        DayKind kind = days.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("date must not be null");
        }
        // Terminates: only finitely many dates are listed, and every unlisted weekday works.
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Whether any holiday or make-up day is entered for {@code year}. Every notice starts with 元旦,
     * so a year without entries most likely has no notice entered yet.
     */
    public boolean hasScheduleFor(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate next = days.ceilingKey(first);
        return next != null && next.getYear() == year;
    }

    /** The listed dates, in date order. */
    public Map<LocalDate, DayKind> days() {
        return Collections.unmodifiableSortedMap(days);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingCalendar that && days.equals(that.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + days;
    }
}
