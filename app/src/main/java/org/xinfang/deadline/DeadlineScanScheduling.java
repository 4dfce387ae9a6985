package org.xinfang.deadline;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Runs {@link Clocks#scan()} as the db-scheduler recurring task {@value #TASK_NAME}, with a fixed delay
 * of {@code xinfang.deadline.scan-interval} (5 minutes unless configured) between runs.
 * <p>
 * db-scheduler keeps the task's next execution as a row in the platform's {@code scheduled_tasks}
 * table (its default name) and a node must claim that row before running it, so however many nodes
 * run Xinfang, the scan runs on one node at a time across the cluster; if that node dies, another
 * takes the execution over once its heartbeat is stale. The scan itself flags clocks with
 * conditional updates as well, so even overlapping scans raise each event once.
 * <p>
 * The scheduler starts when the application is ready, not while the context is still being built, so
 * the first scan never meets half-initialised beans; it stops when the context closes, before the
 * DataSource it depends on. {@code xinfang.scheduler.enabled=false} leaves it out entirely: tests do
 * that and call {@code scan()} themselves with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xinfang.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class DeadlineScanScheduling {

    static final String TASK_NAME = "deadline-scan";

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanScheduling.class);

    @Bean
    RecurringTask<Void> deadlineScanTask(Clocks clocks,
            @Value("${xinfang.deadline.scan-interval:PT5M}") Duration interval) {
        return scanTask(interval, () -> {
            Clocks.ScanResult result = clocks.scan(); // its own transaction: Clocks is @Transactional
            if (result.approaching() > 0 || result.missed() > 0) {
                log.info("Deadline scan raised {} approaching and {} missed", result.approaching(), result.missed());
            }
        });
    }

    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, RecurringTask<Void> deadlineScanTask) {
        return scheduler(dataSource, List.of(deadlineScanTask));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> deadlineSchedulerStart(Scheduler deadlineScheduler) {
        return event -> deadlineScheduler.start();
    }

    /** The recurring scan task; on failure it simply runs again after the next delay. */
    static RecurringTask<Void> scanTask(Duration interval, Runnable scan) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("xinfang.deadline.scan-interval must be positive, was " + interval);
        }
        return Tasks.recurring(TASK_NAME, FixedDelay.of(interval))
                .execute((instance, context) -> scan.run());
    }

    /** A scheduler over the default {@code scheduled_tasks} table, not yet started. */
    static Scheduler scheduler(DataSource dataSource, List<RecurringTask<?>> tasks) {
        return Scheduler.create(dataSource)
                .startTasks(tasks)
                // One recurring task that runs on one node at a time needs no more than one thread.
                .threads(1)
                // Stopping waits for a running scan; a scan is short, a deploy should not hang on it.
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }
}
