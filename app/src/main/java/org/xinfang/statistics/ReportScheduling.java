package org.xinfang.statistics;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.shared.ChinaTime;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Produces the cadence's reports every morning at 07:00 Beijing time through db-scheduler (one node at a
 * time across the cluster, in the table {@code statistics.report_schedule}); {@link StatisticsReports#generateScheduled}
 * decides which kinds fall on the day. {@code xinfang.scheduler.enabled=false} (tests) leaves it out;
 * tests call the generator directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xinfang.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class ReportScheduling {

    static final String TASK_NAME = "statistics-reports";

    private static final Logger log = LoggerFactory.getLogger(ReportScheduling.class);

    @Bean
    RecurringTask<Void> statisticsReportTask(StatisticsReports reports) {
        return Tasks.recurring(TASK_NAME, Schedules.daily(ChinaTime.ZONE, LocalTime.of(7, 0)))
                .execute((instance, context) -> {
                    int made = reports.generateScheduled(reports.today());
                    if (made > 0) {
                        log.info("Generated {} statistics report(s) for {}", made, reports.today());
                    }
                });
    }

    @Bean(destroyMethod = "stop")
    Scheduler statisticsScheduler(DataSource dataSource, RecurringTask<Void> statisticsReportTask) {
        return Scheduler.create(dataSource)
                .tableName("statistics.report_schedule")
                .startTasks(List.of(statisticsReportTask))
                .threads(1)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> statisticsSchedulerStart(Scheduler statisticsScheduler) {
        return event -> statisticsScheduler.start();
    }
}
