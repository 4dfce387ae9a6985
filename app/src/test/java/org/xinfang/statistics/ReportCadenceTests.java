package org.xinfang.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xinfang.deadline.WorkingCalendar;

/** Which days the scheduler owes which report, and for which days. */
class ReportCadenceTests {

    private final WorkingCalendar nationalDay2031 = calendar();

    private static WorkingCalendar calendar() {
        Map<LocalDate, WorkingCalendar.DayKind> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2031, 10, d), WorkingCalendar.DayKind.HOLIDAY);
        }
        return WorkingCalendar.of(days);
    }

    private StatisticsPeriod on(ReportKind kind, String day) {
        return kind.scheduledPeriod(LocalDate.parse(day), nationalDay2031);
    }

    @Test
    void the_daily_sheet_after_a_holiday_covers_every_day_of_it() {
        // 8 October 2031, the first working day after 国庆: the last working day was 30 September
        assertThat(on(ReportKind.DAILY, "2031-10-08")).isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-09-30"),
                LocalDate.parse("2031-10-07")));
        assertThat(on(ReportKind.DAILY, "2031-10-03")).as("no sheet on a holiday").isNull();
        // an ordinary Tuesday covers Monday; a Monday covers Friday to Sunday
        assertThat(on(ReportKind.DAILY, "2031-10-14")).isEqualTo(StatisticsPeriod.day(LocalDate.parse("2031-10-13")));
        assertThat(on(ReportKind.DAILY, "2031-10-13")).isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-10-10"),
                LocalDate.parse("2031-10-12")));
    }

    @Test
    void weekly_biweekly_and_monthly_reports_fall_on_their_days() {
        assertThat(on(ReportKind.WEEKLY, "2031-10-13")).isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-10-06"),
                LocalDate.parse("2031-10-12")));
        assertThat(on(ReportKind.WEEKLY, "2031-10-14")).isNull();
        // every other Monday (odd ISO weeks): 13 October 2031 is in week 42, 20 October in week 43
        assertThat(on(ReportKind.BIWEEKLY, "2031-10-13")).isNull();
        assertThat(on(ReportKind.BIWEEKLY, "2031-10-20")).isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-10-06"),
                LocalDate.parse("2031-10-19")));
        assertThat(on(ReportKind.MONTHLY, "2031-11-01")).isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-10-01"),
                LocalDate.parse("2031-10-31")));
        assertThat(on(ReportKind.MONTHLY, "2031-11-02")).isNull();
    }

    @Test
    void a_month_is_compared_with_the_month_before_and_a_week_with_the_week_before() {
        assertThat(StatisticsPeriod.monthOf(LocalDate.parse("2031-10-15")).previous())
                .isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-09-01"), LocalDate.parse("2031-09-30")));
        assertThat(new StatisticsPeriod(LocalDate.parse("2031-10-13"), LocalDate.parse("2031-10-19")).previous())
                .isEqualTo(new StatisticsPeriod(LocalDate.parse("2031-10-06"), LocalDate.parse("2031-10-12")));
    }

    @Test
    void a_rate_without_anything_to_count_is_no_rate() {
        assertThat(new Rate(0, 0).display()).isEqualTo("—");
        assertThat(new Rate(2, 3).display()).isEqualTo("66.7%");
        assertThat(Indicators.score(Rate.NONE, new Rate(1, 2), Rate.NONE)).isEqualTo(50.0);
        assertThat(Indicators.score(Rate.NONE, Rate.NONE, Rate.NONE)).isNull();
    }
}
