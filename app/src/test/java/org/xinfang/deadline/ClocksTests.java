package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.deadline.ClockView.State;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

/**
 * The statutory clocks as the petition workflow will drive them: started when the law's trigger
 * happens, stopped when the duty is done, and watched by the scan that raises 临期预警 and 超期 once.
 * Every test uses fresh subject ids, because the context and its database are shared.
 */
@XinfangTest
@Import(DeadlineEventLog.class)
class ClocksTests {

    private static final Long UNIT = 42L;

    @Autowired
    Clocks clocks;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineEventLog events;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_petition_routed_on_its_due_day_meets_the_15_day_limit() {
        UUID petition = UUID.randomUUID();
        clock.set(chinaTime(2026, 3, 5, 9, 0));

        // Received on Monday 2 March 2026: the 15 days run 3 to 17 March, a Tuesday.
        ClockView started = clocks.start(petition, "990100-20260302-00001", StatutoryPeriod.ROUTE,
                chinaTime(2026, 3, 2, 10, 0), UNIT);

        assertThat(started.state()).isEqualTo(State.RUNNING);
        assertThat(started.dueDate()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(started.dueAt()).isEqualTo(chinaTime(2026, 3, 17, 23, 59).plusSeconds(59));
        assertThat(started.days()).isEqualTo(15);
        assertThat(started.dayCount()).isEqualTo(DayCount.CALENDAR);
        assertThat(started.daysLeft()).isEqualTo(12);
        assertThat(started.unitId()).isEqualTo(UNIT);
        assertThat(started.closedAt()).isNull();

        clock.set(chinaTime(2026, 3, 17, 22, 0));
        ClockView stopped = clocks.stop(petition, StatutoryPeriod.ROUTE, chinaTime(2026, 3, 17, 23, 30)).orElseThrow();

        assertThat(stopped.state()).isEqualTo(State.MET);
        assertThat(stopped.closedAt()).isEqualTo(chinaTime(2026, 3, 17, 23, 30));
        assertThat(stopped.daysLeft()).isZero();
        assertThat(events.missed(petition)).isEmpty();
        assertThat(clocks.stop(petition, StatutoryPeriod.ROUTE, chinaTime(2026, 3, 18, 9, 0))).isEmpty();
    }

    @Test
    void a_petition_routed_the_day_after_its_due_day_misses_and_says_so_once() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260302-00002", StatutoryPeriod.ROUTE, chinaTime(2026, 3, 2, 10, 0), UNIT);

        // No scan ran in between: the late stop itself must report the miss.
        clock.set(chinaTime(2026, 3, 18, 9, 0));
        ClockView stopped = clocks.stop(petition, StatutoryPeriod.ROUTE, chinaTime(2026, 3, 18, 8, 30)).orElseThrow();

        assertThat(stopped.state()).isEqualTo(State.MISSED);
        assertThat(stopped.daysLeft()).isEqualTo(-1);
        assertThat(events.missed(petition)).containsExactly(new DeadlineMissed(petition, "990100-20260302-00002",
                StatutoryPeriod.ROUTE, UNIT, LocalDate.of(2026, 3, 17)));

        clocks.scan();
        assertThat(events.missed(petition)).hasSize(1);
        assertThat(clocks.of(petition)).singleElement()
                .extracting(ClockView::state).isEqualTo(State.MISSED);
    }

    @Test
    void a_miss_the_scan_reported_is_not_reported_again_when_the_duty_is_finally_done() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260302-00003", StatutoryPeriod.ACKNOWLEDGE, chinaTime(2026, 3, 2, 10, 0),
                UNIT);

        clock.set(chinaTime(2026, 3, 20, 0, 5));
        clocks.scan();
        assertThat(events.missed(petition)).hasSize(1);
        ClockView overdue = clocks.of(petition).get(0);
        assertThat(overdue.state()).isEqualTo(State.MISSED);
        assertThat(overdue.isOpen()).isTrue();
        assertThat(overdue.daysLeft()).isEqualTo(-3);

        ClockView done = clocks.stop(petition, StatutoryPeriod.ACKNOWLEDGE, chinaTime(2026, 3, 21, 10, 0))
                .orElseThrow();

        assertThat(done.state()).isEqualTo(State.MISSED);
        assertThat(done.isOpen()).isFalse();
        assertThat(events.missed(petition)).hasSize(1);
    }

    @Test
    void an_assignment_past_its_feedback_date_is_reported_missed_once_however_often_it_is_scanned() {
        UUID assignment = UUID.randomUUID();
        LocalDate feedbackBy = LocalDate.of(2026, 4, 20);
        clock.set(chinaTime(2026, 4, 1, 9, 0));

        ClockView started = clocks.startWithDueDate(assignment, "交办〔2026〕7号", StatutoryPeriod.ASSIGNMENT_FEEDBACK,
                chinaTime(2026, 4, 1, 9, 0), feedbackBy, UNIT);

        assertThat(started.dueDate()).isEqualTo(feedbackBy);
        assertThat(started.days()).isEqualTo(19);
        assertThat(started.daysLeft()).isEqualTo(19);

        clock.set(chinaTime(2026, 4, 20, 23, 0));
        clocks.scan();
        assertThat(events.missed(assignment)).isEmpty();

        clock.set(chinaTime(2026, 4, 21, 0, 1));
        clocks.scan();
        clocks.scan();

        assertThat(events.missed(assignment)).containsExactly(new DeadlineMissed(assignment, "交办〔2026〕7号",
                StatutoryPeriod.ASSIGNMENT_FEEDBACK, UNIT, feedbackBy));
        assertThat(clocks.of(assignment).get(0).state()).isEqualTo(State.MISSED);
        assertThat(storedState(assignment)).isEqualTo("RUNNING");
    }

    @Test
    void two_nodes_scanning_at_once_report_each_missed_assignment_once() throws Exception {
        clock.set(chinaTime(2026, 5, 6, 9, 0));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<UUID> assignments = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    UUID assignment = UUID.randomUUID();
                    assignments.add(assignment);
                    clocks.startWithDueDate(assignment, "交办-" + round + "-" + i, StatutoryPeriod.ASSIGNMENT_FEEDBACK,
                            chinaTime(2026, 4, 1, 9, 0), LocalDate.of(2026, 4, 30), null);
                }

                CyclicBarrier together = new CyclicBarrier(2);
                Future<Clocks.ScanResult> first = nodes.submit(() -> {
                    together.await();
                    return clocks.scan();
                });
                Future<Clocks.ScanResult> second = nodes.submit(() -> {
                    together.await();
                    return clocks.scan();
                });
                first.get();
                second.get();

                for (UUID assignment : assignments) {
                    assertThat(events.missed(assignment)).as("DeadlineMissed of %s", assignment).hasSize(1);
                }
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void a_deadline_three_days_away_is_announced_once() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260302-00004", StatutoryPeriod.ACKNOWLEDGE, chinaTime(2026, 3, 2, 10, 0),
                UNIT);

        clock.set(chinaTime(2026, 3, 13, 9, 0)); // four days before 17 March
        clocks.scan();
        assertThat(events.approaching(petition)).isEmpty();

        clock.set(chinaTime(2026, 3, 14, 9, 0));
        clocks.scan();
        clock.set(chinaTime(2026, 3, 16, 9, 0));
        clocks.scan();

        assertThat(events.approaching(petition)).containsExactly(new DeadlineApproaching(petition,
                "990100-20260302-00004", StatutoryPeriod.ACKNOWLEDGE, UNIT, LocalDate.of(2026, 3, 17), 3));
        assertThat(events.missed(petition)).isEmpty();
    }

    @Test
    void an_extension_of_30_days_moves_the_handling_deadline() {
        UUID petition = UUID.randomUUID();
        clock.set(chinaTime(2026, 7, 20, 9, 0));
        // Accepted Monday 1 June 2026: 60 days end on Friday 31 July.
        ClockView handling = clocks.start(petition, "990100-20260601-00001", StatutoryPeriod.HANDLE,
                chinaTime(2026, 6, 1, 15, 0), UNIT);
        assertThat(handling.dueDate()).isEqualTo(LocalDate.of(2026, 7, 31));

        // 30 more days end on Sunday 30 August, so the period runs to Monday 31 August.
        ClockView extended = clocks.extend(petition, StatutoryPeriod.HANDLE, 30);

        assertThat(extended.dueDate()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(extended.days()).isEqualTo(90);
        assertThat(extended.id()).isEqualTo(handling.id());
        assertThat(clocks.of(petition)).singleElement().extracting(ClockView::dueDate)
                .isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void an_extension_after_the_deadline_or_without_a_running_clock_is_refused() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260601-00002", StatutoryPeriod.HANDLE, chinaTime(2026, 6, 1, 15, 0), UNIT);

        clock.set(chinaTime(2026, 8, 1, 9, 0));
        assertThatThrownBy(() -> clocks.extend(petition, StatutoryPeriod.HANDLE, 30))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> clocks.extend(UUID.randomUUID(), StatutoryPeriod.HANDLE, 30))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clocks.of(petition).get(0).dueDate()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void an_extension_announces_the_new_deadline_when_it_nears() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260601-00003", StatutoryPeriod.HANDLE, chinaTime(2026, 6, 1, 15, 0), UNIT);
        clock.set(chinaTime(2026, 7, 29, 9, 0));
        clocks.scan();
        assertThat(events.approaching(petition)).extracting(DeadlineApproaching::dueDate)
                .containsExactly(LocalDate.of(2026, 7, 31));

        clocks.extend(petition, StatutoryPeriod.HANDLE, 30);
        clocks.scan();
        clock.set(chinaTime(2026, 8, 28, 9, 0));
        clocks.scan();

        assertThat(events.approaching(petition)).extracting(DeadlineApproaching::dueDate)
                .containsExactly(LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 31));
    }

    @Test
    void a_misrouted_case_has_5_working_days_to_object_across_the_national_day_holiday() {
        UUID petition = UUID.randomUUID();
        clock.set(chinaTime(2026, 9, 29, 16, 0));

        // Received Tuesday 29 September. Working days: 30 Sep; 1-7 Oct off; 8, 9 Oct; Saturday 10 Oct
        // worked (调休); 12 Oct is the fifth.
        ClockView objection = clocks.start(petition, "990100-20260929-00001", StatutoryPeriod.MISROUTE_OBJECTION,
                chinaTime(2026, 9, 29, 16, 0), UNIT);

        assertThat(objection.dayCount()).isEqualTo(DayCount.WORKING);
        assertThat(objection.days()).isEqualTo(5);
        assertThat(objection.dueDate()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(objection.daysLeft()).isEqualTo(13);
    }

    @Test
    void starting_a_period_again_cancels_the_running_clock_and_starts_afresh() {
        UUID petition = UUID.randomUUID();
        clock.set(chinaTime(2026, 3, 10, 9, 0));
        ClockView first = clocks.start(petition, "990100-20260302-00005", StatutoryPeriod.ACKNOWLEDGE,
                chinaTime(2026, 3, 2, 10, 0), UNIT);

        ClockView second = clocks.start(petition, "990100-20260302-00005", StatutoryPeriod.ACKNOWLEDGE,
                chinaTime(2026, 3, 10, 9, 0), 43L);

        List<ClockView> all = clocks.of(petition);
        assertThat(all).extracting(ClockView::id).containsExactly(first.id(), second.id());
        assertThat(all.get(0).state()).isEqualTo(State.CANCELLED);
        assertThat(all.get(0).closedAt()).isEqualTo(chinaTime(2026, 3, 10, 9, 0));
        assertThat(all.get(1).state()).isEqualTo(State.RUNNING);
        assertThat(all.get(1).dueDate()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(all.get(1).unitId()).isEqualTo(43L);
        assertThat(events.missed(petition)).isEmpty();
    }

    @Test
    void a_cancelled_clock_is_no_longer_watched() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260302-00006", StatutoryPeriod.ROUTE, chinaTime(2026, 3, 2, 10, 0), null);

        clocks.cancel(petition, StatutoryPeriod.ROUTE, chinaTime(2026, 3, 6, 10, 0));
        clock.set(chinaTime(2026, 3, 16, 9, 0));
        clocks.scan();
        clock.set(chinaTime(2026, 3, 20, 9, 0));
        clocks.scan();

        assertThat(clocks.of(petition)).singleElement().extracting(ClockView::state).isEqualTo(State.CANCELLED);
        assertThat(events.approaching(petition)).isEmpty();
        assertThat(events.missed(petition)).isEmpty();
        assertThat(clocks.stop(petition, StatutoryPeriod.ROUTE, chinaTime(2026, 3, 20, 9, 0))).isEmpty();
    }

    @Test
    void a_clock_given_up_after_its_due_date_still_reports_the_miss() {
        UUID petition = UUID.randomUUID();
        clocks.start(petition, "990100-20260302-00007", StatutoryPeriod.ROUTE, chinaTime(2026, 3, 2, 10, 0), UNIT);

        // Cancelled the morning after the due date, before any scan ran.
        clock.set(chinaTime(2026, 3, 18, 8, 0));
        clocks.cancel(petition, StatutoryPeriod.ROUTE, chinaTime(2026, 3, 18, 8, 0));
        clocks.scan();

        assertThat(clocks.of(petition)).singleElement().extracting(ClockView::state).isEqualTo(State.CANCELLED);
        assertThat(events.missed(petition)).hasSize(1);
    }

    private String storedState(UUID subjectId) {
        return jdbc.sql("select state from deadline.clock where subject_id = ?").param(subjectId)
                .query(String.class).single();
    }

    private static Instant chinaTime(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(DeadlineCalculator.ZONE).toInstant();
    }
}
