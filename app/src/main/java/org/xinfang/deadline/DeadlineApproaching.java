package org.xinfang.deadline;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 临期预警: a running clock's due date is near (within {@code xinfang.deadline.warn-days-before}
 * calendar days, 3 unless configured). Published at most once per due date of a clock; extending
 * the clock arms it again for the new date.
 *
 * @param subjectId  what the clock runs against
 * @param subjectRef what staff call it, e.g. the 信访件编号
 * @param period     the statutory period
 * @param unitId     the unit responsible for meeting the deadline, or {@code null}
 * @param dueDate    the last day on which the duty is on time
 * @param daysLeft   calendar days from the scan's day to the due date, 0 on the due day
 */
public record DeadlineApproaching(UUID subjectId, String subjectRef, StatutoryPeriod period, Long unitId,
        LocalDate dueDate, long daysLeft) {
}
