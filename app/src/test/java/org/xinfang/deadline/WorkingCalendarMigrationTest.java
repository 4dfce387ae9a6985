package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.xinfang.deadline.WorkingCalendar.DayKind;

/**
 * The holiday data in the migration is typed by hand from the State Council notices; these tests
 * compare it with the notice as written out in {@link HolidayNotice2026}, so a typo fails a build
 * instead of moving a legal deadline.
 */
class WorkingCalendarMigrationTest {

    private static final String MIGRATION = "db/migration/deadline/V1_40__working_calendar.sql";

    private static final Pattern CALENDAR_ROW =
            Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})',\\s*'(\\w+)',\\s*'([^']+)'\\)");
    private static final Pattern RULE_ROW =
            Pattern.compile("\\('(\\w+)',\\s*(\\d+),\\s*'(\\w+)'\\)");

    private final String sql = read(MIGRATION);
    private final List<CalendarRow> rows = calendarRows(sql);

    @Test
    void the_2026_schedule_matches_the_notice_day_for_day() {
        Map<LocalDate, DayKind> seeded = new TreeMap<>();
        rows.stream().filter(row -> row.day().getYear() == 2026).forEach(row -> seeded.put(row.day(), row.kind()));

        assertThat(seeded).isEqualTo(new TreeMap<>(HolidayNotice2026.days()));
    }

    @Test
    void national_day_2026_is_a_holiday_and_its_make_up_days_are_worked() {
        WorkingCalendar seeded = seededCalendar();

        assertThat(seeded.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(kindOf(LocalDate.of(2026, 10, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(HolidayNotice2026.MAKE_UP_WORKDAYS).allSatisfy(day -> {
            assertThat(kindOf(day)).as(day.toString()).isEqualTo(DayKind.WORKDAY);
            assertThat(seeded.isWorkingDay(day)).as(day.toString()).isTrue();
        });
    }

    @Test
    void the_2025_schedule_has_every_holiday_and_make_up_day_of_its_notice() {
        // 国办发明电〔2024〕12号: 1 + 8 + 3 + 5 + 3 + 8 days off; 5 make-up days.
        List<CalendarRow> year2025 = rows.stream().filter(row -> row.day().getYear() == 2025).toList();

        assertThat(year2025).filteredOn(row -> row.kind() == DayKind.HOLIDAY).hasSize(28);
        assertThat(year2025).filteredOn(row -> row.kind() == DayKind.WORKDAY)
                .extracting(CalendarRow::day)
                .containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(kindOf(LocalDate.of(2025, 1, 28))).as("除夕").isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf(LocalDate.of(2025, 10, 8))).as("国庆节、中秋节, 8 days").isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void every_make_up_day_falls_on_a_weekend_and_no_date_is_listed_twice() {
        assertThat(rows).filteredOn(row -> row.kind() == DayKind.WORKDAY)
                .allSatisfy(row -> assertThat(row.day().getDayOfWeek())
                        .as(row.day().toString()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(rows).extracting(CalendarRow::day).doesNotHaveDuplicates();
    }

    @Test
    void every_row_names_its_holiday() {
        assertThat(rows).extracting(CalendarRow::name).allSatisfy(name ->
                assertThat(name).isIn("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节、中秋节"));
        assertThat(kindOf(LocalDate.of(2026, 2, 17))).isEqualTo(DayKind.HOLIDAY);
        assertThat(rows).filteredOn(row -> row.day().equals(LocalDate.of(2026, 2, 17)))
                .extracting(CalendarRow::name).containsExactly("春节");
    }

    @Test
    void only_published_years_are_seeded() {
        assertThat(rows).extracting(row -> row.day().getYear()).containsOnly(2025, 2026);
    }

    @Test
    void the_seeded_period_rules_are_the_defaults() {
        String ruleInsert = sql.substring(sql.indexOf("insert into deadline.period_rule"));
        ruleInsert = ruleInsert.substring(0, ruleInsert.indexOf(';'));
        List<PeriodRule> seeded = new ArrayList<>();
        Matcher matcher = RULE_ROW.matcher(ruleInsert);
        while (matcher.find()) {
            seeded.add(new PeriodRule(StatutoryPeriod.valueOf(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)), DayCount.valueOf(matcher.group(3))));
        }

        assertThat(seeded).containsExactlyElementsOf(PeriodRules.defaults().all());
    }

    private WorkingCalendar seededCalendar() {
        return WorkingCalendar.of(rows.stream().collect(Collectors.toMap(CalendarRow::day, CalendarRow::kind)));
    }

    private DayKind kindOf(LocalDate day) {
        return rows.stream().filter(row -> row.day().equals(day)).map(CalendarRow::kind).findFirst().orElse(null);
    }

    private static List<CalendarRow> calendarRows(String sql) {
        List<CalendarRow> rows = new ArrayList<>();
        Matcher matcher = CALENDAR_ROW.matcher(sql);
        while (matcher.find()) {
            rows.add(new CalendarRow(LocalDate.parse(matcher.group(1)), DayKind.valueOf(matcher.group(2)),
                    matcher.group(3)));
        }
        return rows;
    }

    private static String read(String resource) {
        try (InputStream in = WorkingCalendarMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private record CalendarRow(LocalDate day, DayKind kind, String name) {
    }
}
