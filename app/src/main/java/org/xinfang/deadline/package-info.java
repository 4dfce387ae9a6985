/**
 * Deadlines (期限): the statutory clocks of the 《信访工作条例》 and the working calendar they run on.
 * <p>
 * The root package is the module's API: {@link org.xinfang.deadline.StatutoryPeriod},
 * {@link org.xinfang.deadline.PeriodRules}, {@link org.xinfang.deadline.WorkingCalendar},
 * {@link org.xinfang.deadline.DeadlineCalculator}, the {@link org.xinfang.deadline.Calendars}
 * service that loads the configured calendar and rules, and the {@link org.xinfang.deadline.Clocks}
 * service that runs statutory clocks against any subject, by id, and publishes
 * {@link org.xinfang.deadline.DeadlineApproaching} (临期预警) and
 * {@link org.xinfang.deadline.DeadlineMissed} (超期) from a scheduled, cluster-safe scan.
 * <p>
 * The module depends on no business module: those depend on it and listen to its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package org.xinfang.deadline;
