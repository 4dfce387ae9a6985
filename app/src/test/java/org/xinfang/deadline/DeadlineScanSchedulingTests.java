package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.xinfang.support.XinfangTest;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * With the scheduler on, as in production, the application starts db-scheduler once it is ready and
 * the scan runs as the recurring task {@code deadline-scan} in the platform's {@code scheduled_tasks}
 * table. (The other tests switch it off and call the scan themselves.)
 */
@XinfangTest
@TestPropertySource(properties = "xinfang.scheduler.enabled=true")
class DeadlineScanSchedulingTests {

    @Autowired
    Scheduler deadlineScheduler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_running_application_scans_its_clocks_on_a_schedule() throws InterruptedException {
        assertThat(deadlineScheduler.getSchedulerState().isStarted()).isTrue();

        // The first execution is due at start-up; db-scheduler records each success in its table.
        Instant deadline = Instant.now().plusSeconds(30);
        while (lastSuccess() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertThat(lastSuccess()).as("deadline-scan ran successfully").isNotNull();
        assertThat(jdbc.sql("select task_name from scheduled_tasks").query(String.class).list())
                .containsExactly(DeadlineScanScheduling.TASK_NAME);
    }

    @Test
    void the_scan_interval_must_be_positive() {
        assertThatThrownBy(() -> DeadlineScanScheduling.scanTask(Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Instant lastSuccess() {
        List<Timestamp> success = jdbc.sql(
                "select last_success from scheduled_tasks where task_name = 'deadline-scan' and last_success is not null")
                .query(Timestamp.class).list();
        return success.isEmpty() ? null : success.get(0).toInstant();
    }
}
