package org.xinfang.deadline;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 超期: a clock's due date passed before its duty was done. Published exactly once per clock: by the
 * scheduled scan from the day after the due date, or, if no scan has noticed yet, by
 * {@link Clocks#stop} when the duty is done late or by {@link Clocks#cancel} (or a restart) when the
 * clock is given up after its due date.
 *
 * @param subjectId  what the clock runs against
 * @param subjectRef what staff call it, e.g. the 信访件编号
 * @param period     the statutory period
 * @param unitId     the unit responsible for meeting the deadline, or {@code null}
 * @param dueDate    the due date that was missed
 */
public record DeadlineMissed(UUID subjectId, String subjectRef, StatutoryPeriod period, Long unitId,
        LocalDate dueDate) {
}
