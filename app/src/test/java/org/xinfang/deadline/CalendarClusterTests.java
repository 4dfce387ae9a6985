package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.XinfangTest;

/**
 * Two nodes of a cluster share the database but each keeps its own copy of the holiday calendar. An
 * administrator enters a holiday on node A (this application); node B (a second {@link Calendars} over
 * the same database, loaded before the change) must count it too, without a restart.
 */
@XinfangTest
class CalendarClusterTests {

    private static final LocalDate EXTRA_HOLIDAY = LocalDate.of(2027, 3, 3); // a Wednesday

    @Autowired
    CalendarAdmin admin;
    @Autowired
    Calendars nodeA;
    @Autowired
    CalendarStore store;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheHoliday() {
        admin.removeDay(EXTRA_HOLIDAY);
    }

    @Test
    void a_holiday_entered_on_one_node_is_used_by_the_other_without_a_restart() {
        Calendars nodeB = new Calendars(store, Duration.ZERO);
        assertThat(nodeB.current().isWorkingDay(EXTRA_HOLIDAY)).isTrue();
        long before = store.version();

        admin.saveDay(EXTRA_HOLIDAY, WorkingCalendar.DayKind.HOLIDAY, "地方性假日");

        assertThat(store.version()).isGreaterThan(before);
        assertThat(nodeA.current().isWorkingDay(EXTRA_HOLIDAY)).as("the node that made the change").isFalse();
        assertThat(nodeB.current().isWorkingDay(EXTRA_HOLIDAY)).as("the other node").isFalse();

        admin.removeDay(EXTRA_HOLIDAY);
        assertThat(nodeB.current().isWorkingDay(EXTRA_HOLIDAY)).as("the removal reaches the other node too").isTrue();
    }

    @Test
    void a_node_checks_the_version_at_most_once_per_interval() {
        Calendars nodeB = new Calendars(store, Duration.ofHours(1));
        assertThat(nodeB.current().isWorkingDay(EXTRA_HOLIDAY)).isTrue();

        admin.saveDay(EXTRA_HOLIDAY, WorkingCalendar.DayKind.HOLIDAY, "地方性假日");

        // within the interval the copy in hand is used: the check costs one query per interval, not per deadline
        assertThat(nodeB.current().isWorkingDay(EXTRA_HOLIDAY)).isTrue();
    }

    @Test
    void a_rule_change_reaches_the_other_node() {
        Calendars nodeB = new Calendars(store, Duration.ZERO);
        PeriodRule before = nodeB.rules().rule(StatutoryPeriod.ROUTE);
        try {
            admin.saveRule(StatutoryPeriod.ROUTE, before.days() - 1, before.dayCount());
            assertThat(nodeB.rules().rule(StatutoryPeriod.ROUTE).days()).isEqualTo(before.days() - 1);
        } finally {
            admin.saveRule(StatutoryPeriod.ROUTE, before.days(), before.dayCount());
        }
        assertThat(nodeB.rules().rule(StatutoryPeriod.ROUTE).days()).isEqualTo(before.days());
    }
}
