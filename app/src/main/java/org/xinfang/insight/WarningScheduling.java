package org.xinfang.insight;

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
 * Runs {@link Warnings#evaluate()} as the db-scheduler recurring task {@value #TASK_NAME} every
 * {@code xinfang.warning.evaluate-interval} (one hour unless configured), on one node at a time across a
 * cluster (the same pattern as the deadline scan). Its executions live in {@code insight.scheduled_tasks},
 * a table of its own, so that this scheduler and the other modules' schedulers never see each other's
 * tasks as unknown. Re-running is harmless: a warning already raised is updated, not raised again.
 * {@code xinfang.scheduler.enabled=false} leaves it out; tests call {@code evaluate()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xinfang.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class WarningScheduling {

    static final String TASK_NAME = "warning-evaluation";

    private static final Logger log = LoggerFactory.getLogger(WarningScheduling.class);

    @Bean
    RecurringTask<Void> warningEvaluationTask(Warnings warnings,
            @Value("${xinfang.warning.evaluate-interval:PT1H}") Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("xinfang.warning.evaluate-interval must be positive, was " + interval);
        }
        return Tasks.recurring(TASK_NAME, FixedDelay.of(interval)).execute((instance, context) -> {
            Warnings.Evaluation e = warnings.evaluate();
            if (e.raised() > 0 || e.updated() > 0) {
                log.info("Early warning: {} raised, {} updated", e.raised(), e.updated());
            }
        });
    }

    @Bean(destroyMethod = "stop")
    Scheduler warningScheduler(DataSource dataSource, RecurringTask<Void> warningEvaluationTask) {
        return Scheduler.create(dataSource)
                .tableName("insight.scheduled_tasks")
                .startTasks(List.<RecurringTask<?>>of(warningEvaluationTask))
                .threads(1)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> warningSchedulerStart(Scheduler warningScheduler) {
        return event -> warningScheduler.start();
    }
}
