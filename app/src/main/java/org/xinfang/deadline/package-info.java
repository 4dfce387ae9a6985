/**
 * Deadlines (期限): the statutory clocks of the 《信访工作条例》 and the working calendar they run on.
 * <p>
 * The root package is the module's API: {@link org.xinfang.deadline.StatutoryPeriod},
 * {@link org.xinfang.deadline.PeriodRules}, {@link org.xinfang.deadline.WorkingCalendar},
 * {@link org.xinfang.deadline.DeadlineCalculator} and the {@link org.xinfang.deadline.Calendars}
 * service that loads the configured calendar and rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package org.xinfang.deadline;
