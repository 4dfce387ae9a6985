package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xinfang.deadline.HolidayNotice2026.date;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xinfang.deadline.WorkingCalendar.DayKind;

class WorkingCalendarTest {

    private final WorkingCalendar china2026 = HolidayNotice2026.calendar();

    @Test
    void ordinary_weekdays_are_worked_and_weekends_are_not() {
        assertThat(china2026.isWorkingDay(date(3, 2))).as("Monday").isTrue();
        assertThat(china2026.isWorkingDay(date(3, 6))).as("Friday").isTrue();
        assertThat(china2026.isWorkingDay(date(3, 7))).as("Saturday").isFalse();
        assertThat(china2026.isWorkingDay(date(3, 8))).as("Sunday").isFalse();
    }

    @Test
    void a_holiday_on_a_weekday_is_not_worked() {
        assertThat(china2026.isWorkingDay(date(10, 1))).as("国庆节, Thursday").isFalse();
        assertThat(china2026.isWorkingDay(date(2, 16))).as("春节, Monday").isFalse();
    }

    @Test
    void a_make_up_day_on_a_weekend_is_worked() {
        assertThat(china2026.isWorkingDay(date(2, 14))).as("春节 make-up, Saturday").isTrue();
        assertThat(china2026.isWorkingDay(date(9, 20))).as("国庆节 make-up, Sunday").isTrue();
    }

    @Test
    void the_next_working_day_is_the_day_itself_when_it_is_worked() {
        assertThat(china2026.nextWorkingDay(date(3, 2))).isEqualTo(date(3, 2));
        assertThat(china2026.nextWorkingDay(date(2, 28))).as("make-up Saturday").isEqualTo(date(2, 28));
    }

    @Test
    void the_next_working_day_after_a_holiday_block_is_the_day_after_it() {
        assertThat(china2026.nextWorkingDay(date(2, 15))).isEqualTo(date(2, 24));
        assertThat(china2026.nextWorkingDay(date(10, 3))).isEqualTo(date(10, 8));
        assertThat(china2026.nextWorkingDay(date(3, 7))).as("Saturday").isEqualTo(date(3, 9));
    }

    @Test
    void without_a_notice_only_weekdays_are_worked() {
        WorkingCalendar plain = WorkingCalendar.weekdaysOnly();

        assertThat(plain.isWorkingDay(date(10, 1))).isTrue();
        assertThat(plain.isWorkingDay(date(2, 14))).isFalse();
        assertThat(plain.hasScheduleFor(2026)).isFalse();
    }

    @Test
    void knows_which_years_have_a_schedule_entered() {
        assertThat(china2026.hasScheduleFor(2026)).isTrue();
        assertThat(china2026.hasScheduleFor(2025)).isFalse();
        assertThat(china2026.hasScheduleFor(2027)).isFalse();
    }

    @Test
    void is_not_changed_by_later_changes_to_the_map_it_was_built_from() {
        Map<LocalDate, DayKind> days = new HashMap<>(HolidayNotice2026.days());
        WorkingCalendar calendar = WorkingCalendar.of(days);

        days.put(date(3, 2), DayKind.HOLIDAY);

        assertThat(calendar.isWorkingDay(date(3, 2))).isTrue();
        assertThatThrownBy(() -> calendar.days().put(date(3, 2), DayKind.HOLIDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejects_missing_dates_and_kinds() {
        Map<LocalDate, DayKind> noKind = new HashMap<>();
        noKind.put(date(10, 1), null);
        Map<LocalDate, DayKind> noDate = new HashMap<>();
        noDate.put(null, DayKind.HOLIDAY);

        assertThatThrownBy(() -> WorkingCalendar.of(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("calendar days must not be null");
        assertThatThrownBy(() -> WorkingCalendar.of(noKind))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("calendar day 2026-10-01 has no kind");
        assertThatThrownBy(() -> WorkingCalendar.of(noDate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calendar days must not contain a null date");
        assertThatThrownBy(() -> china2026.isWorkingDay(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("date must not be null");
        assertThatThrownBy(() -> china2026.nextWorkingDay(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("date must not be null");
    }
}
