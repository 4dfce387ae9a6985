package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the real migration on an embedded PostgreSQL and reads it back through the store, without a
 * Spring context: the SQL must be valid PostgreSQL and the rows must map onto the domain.
 */
class CalendarStoreTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private Calendars calendars;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/deadline").load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void resetRules() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from deadline.period_rule where period = 'REVIEW_ANSWER'").update();
        jdbc.sql("insert into deadline.period_rule (period, days, day_count) values ('REVIEW_ANSWER', 30, 'CALENDAR')")
                .update();
        calendars = new Calendars(new CalendarStore(jdbc));
    }

    @Test
    void the_migrated_calendar_is_the_2026_notice() {
        WorkingCalendar current = calendars.current();

        assertThat(current.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(current.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(current.hasScheduleFor(2025)).isTrue();
        assertThat(current.hasScheduleFor(2026)).isTrue();
        assertThat(current.hasScheduleFor(2027)).isFalse();
        assertThat(current.days()).containsAllEntriesOf(HolidayNotice2026.days());
    }

    @Test
    void the_migrated_rules_are_the_defaults() {
        assertThat(calendars.rules()).isEqualTo(PeriodRules.defaults());
    }

    @Test
    void an_administrators_change_is_seen_after_refresh() {
        assertThat(calendars.rules().rule(StatutoryPeriod.REVIEW_ANSWER).dayCount()).isEqualTo(DayCount.CALENDAR);

        jdbc.sql("update deadline.period_rule set day_count = 'WORKING' where period = 'REVIEW_ANSWER'").update();

        assertThat(calendars.rules().rule(StatutoryPeriod.REVIEW_ANSWER).dayCount()).as("cached")
                .isEqualTo(DayCount.CALENDAR);
        calendars.refresh();
        assertThat(calendars.rules().rule(StatutoryPeriod.REVIEW_ANSWER).dayCount()).isEqualTo(DayCount.WORKING);
    }

    @Test
    void a_missing_rule_row_falls_back_to_the_default() {
        jdbc.sql("delete from deadline.period_rule where period = 'REVIEW_ANSWER'").update();

        assertThat(calendars.rules().rule(StatutoryPeriod.REVIEW_ANSWER))
                .isEqualTo(StatutoryPeriod.REVIEW_ANSWER.defaultRule());
    }

    @Test
    void a_row_for_an_unknown_period_is_reported_not_ignored() {
        jdbc.sql("insert into deadline.period_rule (period, days, day_count) values ('NO_SUCH_PERIOD', 10, 'WORKING')")
                .update();
        try {
            assertThatThrownBy(() -> calendars.rules())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("deadline.period_rule row 'NO_SUCH_PERIOD' is not valid");
        } finally {
            jdbc.sql("delete from deadline.period_rule where period = 'NO_SUCH_PERIOD'").update();
        }
    }
}
