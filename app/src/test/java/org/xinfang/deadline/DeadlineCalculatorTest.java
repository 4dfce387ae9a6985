package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xinfang.deadline.HolidayNotice2026.date;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private final DeadlineCalculator calculator = new DeadlineCalculator();
    private final WorkingCalendar china2026 = HolidayNotice2026.calendar();
    private final PeriodRules rules = PeriodRules.defaults();

    @Nested
    @DisplayName("Calendar-day periods (自然日)")
    class CalendarDays {

        @Test
        void the_trigger_day_itself_is_not_counted() {
            // Received on Monday 2 March: day 1 is Tuesday (民法典 Art.201).
            assertThat(calculator.dueDate(date(3, 2), 1, DayCount.CALENDAR, china2026)).isEqualTo(date(3, 3));
        }

        @Test
        void a_petition_received_on_an_ordinary_day_must_be_routed_within_15_days() {
            LocalDate received = date(3, 2); // Monday

            LocalDate due = calculator.dueDate(received, rules.rule(StatutoryPeriod.ROUTE), china2026);

            assertThat(due).isEqualTo(date(3, 17)); // Tuesday, a working day: no roll
        }

        @Test
        void a_15_day_period_ending_in_the_national_day_holiday_ends_on_the_first_working_day_after_it() {
            // Received Thursday 17 September: the 15th day is 2 October, inside 国庆节 (1-7 October).
            LocalDate received = date(9, 17);

            LocalDate due = calculator.dueDate(received, rules.rule(StatutoryPeriod.ACKNOWLEDGE), china2026);

            assertThat(due).isEqualTo(date(10, 8)); // Thursday, first working day after the holiday
        }

        @Test
        void a_period_ending_on_a_saturday_ends_on_the_following_monday() {
            // Friday 6 March + 15 days = Saturday 21 March.
            assertThat(calculator.dueDate(date(3, 6), 15, DayCount.CALENDAR, china2026)).isEqualTo(date(3, 23));
        }

        @Test
        void a_period_ending_on_a_make_up_saturday_ends_that_saturday() {
            // Friday 13 February + 15 days = Saturday 28 February, a 调休 working day: it is not a rest day.
            assertThat(calculator.dueDate(date(2, 13), 15, DayCount.CALENDAR, china2026)).isEqualTo(date(2, 28));
        }

        @Test
        void a_review_request_window_ending_in_the_mid_autumn_holiday_runs_on_to_monday() {
            // Reply served Thursday 27 August; 30 days later is Saturday 26 September, in 中秋节 (25-27 Sept).
            LocalDate replyServed = date(8, 27);

            LocalDate due = calculator.dueDate(replyServed, rules.rule(StatutoryPeriod.REVIEW_REQUEST), china2026);

            assertThat(due).isEqualTo(date(9, 28));
        }

        @Test
        void handling_takes_60_days_from_acceptance_and_an_extension_adds_at_most_30_more() {
            LocalDate accepted = date(3, 2);

            LocalDate handlingDue = calculator.dueDate(accepted, rules.rule(StatutoryPeriod.HANDLE), china2026);
            LocalDate extendedDue = calculator.dueDate(handlingDue, rules.rule(StatutoryPeriod.EXTENSION), china2026);

            assertThat(handlingDue).isEqualTo(date(5, 6)); // 1 May falls in 劳动节 (1-5 May), 6 May is Wednesday
            assertThat(extendedDue).isEqualTo(date(6, 5)); // Friday
        }
    }

    @Nested
    @DisplayName("Working-day periods (工作日)")
    class WorkingDays {

        @Test
        void five_working_days_across_spring_festival_count_the_make_up_saturday() {
            // A misrouted case received Thursday 12 February; the organ has 5 working days to object.
            // Friday 13 (1), Saturday 14 is a 调休 working day (2), 15-23 is 春节, then 24 (3), 25 (4), 26 (5).
            LocalDate received = date(2, 12);

            LocalDate due = calculator.dueDate(received, rules.rule(StatutoryPeriod.MISROUTE_OBJECTION), china2026);

            assertThat(due).isEqualTo(date(2, 26));
        }

        @Test
        void a_simplified_case_gets_its_answer_within_10_working_days() {
            // Accepted Monday 2 March, no holiday in between: two working weeks.
            LocalDate accepted = date(3, 2);

            LocalDate due = calculator.dueDate(accepted, rules.rule(StatutoryPeriod.SIMPLIFIED), china2026);

            assertThat(due).isEqualTo(date(3, 16));
        }

        @Test
        void a_simplified_case_accepted_before_labour_day_skips_the_holiday_and_counts_the_make_up_saturday() {
            // Thu 30 April (1); 1-5 May 劳动节; 6 (2), 7 (3), 8 (4), Saturday 9 is a 调休 working day (5);
            // 11 (6), 12 (7), 13 (8), 14 (9), 15 (10).
            LocalDate accepted = date(4, 29);

            LocalDate due = calculator.dueDate(accepted, rules.rule(StatutoryPeriod.SIMPLIFIED), china2026);

            assertThat(due).isEqualTo(date(5, 15));
        }

        @Test
        void weekends_are_skipped() {
            // Friday 6 March: Monday 9 is the first working day, Friday 13 the fifth.
            assertThat(calculator.dueDate(date(3, 6), 1, DayCount.WORKING, china2026)).isEqualTo(date(3, 9));
            assertThat(calculator.dueDate(date(3, 6), 5, DayCount.WORKING, china2026)).isEqualTo(date(3, 13));
        }

        @Test
        void a_trigger_on_a_holiday_starts_counting_on_the_next_working_day() {
            // Letter logged on Wednesday 18 February, during 春节: the first working day after is Tuesday 24.
            assertThat(calculator.dueDate(date(2, 18), 1, DayCount.WORKING, china2026)).isEqualTo(date(2, 24));
        }
    }

    @Nested
    @DisplayName("Zero-day periods")
    class ZeroDays {

        @Test
        void a_zero_day_period_ends_on_the_trigger_day_when_it_is_a_working_day() {
            assertThat(calculator.dueDate(date(3, 2), 0, DayCount.CALENDAR, china2026)).isEqualTo(date(3, 2));
            assertThat(calculator.dueDate(date(3, 2), 0, DayCount.WORKING, china2026)).isEqualTo(date(3, 2));
        }

        @Test
        void a_zero_day_period_triggered_on_a_holiday_ends_on_the_next_working_day() {
            assertThat(calculator.dueDate(date(10, 1), 0, DayCount.CALENDAR, china2026)).isEqualTo(date(10, 8));
            assertThat(calculator.dueDate(date(10, 1), 0, DayCount.WORKING, china2026)).isEqualTo(date(10, 8));
        }
    }

    @Nested
    @DisplayName("Meeting a deadline, in China time")
    class OnTime {

        private final ZoneId beijing = ZoneId.of("Asia/Shanghai");
        private final LocalDate due = date(3, 17);

        @Test
        void the_due_date_ends_at_23_59_59_in_beijing() {
            assertThat(calculator.dueAt(due)).isEqualTo(Instant.parse("2026-03-17T15:59:59Z"));
        }

        @Test
        void an_act_on_the_due_day_is_on_time_even_in_its_last_second() {
            assertThat(calculator.onTime(at(3, 17, 9, 0, 0), due)).isTrue();
            assertThat(calculator.onTime(at(3, 17, 23, 59, 59), due)).isTrue();
            assertThat(calculator.onTime(at(3, 17, 23, 59, 59).plusMillis(999), due)).isTrue();
        }

        @Test
        void an_act_the_day_after_is_late() {
            assertThat(calculator.onTime(at(3, 18, 0, 0, 0), due)).isFalse();
        }

        @Test
        void the_day_is_read_in_beijing_not_in_utc() {
            // 16:30 UTC on the 17th is already 00:30 on the 18th in Beijing.
            assertThat(calculator.onTime(Instant.parse("2026-03-17T16:30:00Z"), due)).isFalse();
            // 20:00 UTC on the 16th is 04:00 on the 17th in Beijing.
            assertThat(calculator.onTime(Instant.parse("2026-03-16T20:00:00Z"), due)).isTrue();
        }

        @Test
        void an_early_act_is_on_time() {
            assertThat(calculator.onTime(at(3, 2, 10, 0, 0), due)).isTrue();
        }

        private Instant at(int month, int day, int hour, int minute, int second) {
            return ZonedDateTime.of(2026, month, day, hour, minute, second, 0, beijing).toInstant();
        }
    }

    @Nested
    @DisplayName("Days left (还剩N天)")
    class DaysLeft {

        @Test
        void counts_calendar_days_to_the_due_date() {
            assertThat(calculator.daysLeft(date(3, 10), date(3, 17))).isEqualTo(7);
        }

        @Test
        void is_zero_on_the_due_day_and_negative_once_overdue() {
            assertThat(calculator.daysLeft(date(3, 17), date(3, 17))).isZero();
            assertThat(calculator.daysLeft(date(3, 18), date(3, 17))).isEqualTo(-1);
        }

        @Test
        void runs_across_a_year_end() {
            assertThat(calculator.daysLeft(date(12, 30), LocalDate.of(2027, 1, 4))).isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("Bad inputs are rejected")
    class BadInputs {

        @Test
        void negative_days() {
            assertThatThrownBy(() -> calculator.dueDate(date(3, 2), -1, DayCount.CALENDAR, china2026))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("days must not be negative, was -1");
        }

        @Test
        void missing_arguments() {
            assertThatThrownBy(() -> calculator.dueDate(null, 15, DayCount.CALENDAR, china2026))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("trigger date must not be null");
            assertThatThrownBy(() -> calculator.dueDate(date(3, 2), 15, null, china2026))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("day count must not be null");
            assertThatThrownBy(() -> calculator.dueDate(date(3, 2), 15, DayCount.CALENDAR, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("working calendar must not be null");
            assertThatThrownBy(() -> calculator.dueDate(date(3, 2), null, china2026))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("period rule must not be null");
            assertThatThrownBy(() -> calculator.dueAt(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("due date must not be null");
            assertThatThrownBy(() -> calculator.onTime(null, date(3, 17)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("instant must not be null");
            assertThatThrownBy(() -> calculator.onTime(Instant.now(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("due date must not be null");
            assertThatThrownBy(() -> calculator.daysLeft(null, date(3, 17)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("today must not be null");
            assertThatThrownBy(() -> calculator.daysLeft(date(3, 17), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("due date must not be null");
        }
    }
}
