package org.xinfang.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One statutory clock (期限计时) as callers see it.
 *
 * @param id        the clock's id
 * @param subjectId what the clock runs against: a petition, an assignment, a review request …
 * @param subjectRef what staff call the subject, e.g. the 信访件编号
 * @param period    the statutory period
 * @param unitId    the unit responsible for meeting the deadline, or {@code null}
 * @param startedAt the trigger: receipt, acceptance, reply … (counting starts the next day)
 * @param days      the period's length in {@code dayCount} days, extensions included; for a due date
 *                  set by hand, the calendar days from the trigger date to it
 * @param dayCount  how {@code days} are counted
 * @param dueDate   the last day on which the duty is met on time, in China time
 * @param dueAt     the last second of the due date, see {@link DeadlineCalculator#dueAt(LocalDate)}
 * @param state     where the clock stands, see {@link State}
 * @param closedAt  when the clock was stopped or cancelled, {@code null} while it runs
 * @param daysLeft  calendar days to the due date (0 on the due day, negative once overdue): from today
 *                  while the clock runs, from the day it closed once it is closed, so a closed clock
 *                  tells how early or late the duty was done
 */
public record ClockView(long id, UUID subjectId, String subjectRef, StatutoryPeriod period, Long unitId,
        Instant startedAt, int days, DayCount dayCount, LocalDate dueDate, Instant dueAt, State state,
        Instant closedAt, long daysLeft) {

    /** Where a clock stands. */
    public enum State {

        /** 计时中: the duty is owed and the due date has not passed. */
        RUNNING,

        /** 按期: the duty was done on or before the due date. */
        MET,

        /**
         * 超期: the due date passed. Either the duty was done late (the clock is closed), or it is
         * still owed (the clock runs on, {@link ClockView#closedAt()} is {@code null}, and stopping it
         * later records the miss for good).
         */
        MISSED,

        /** 撤销: the matter left the stage the period belongs to, or the period was started again. */
        CANCELLED
    }

    /** Whether the duty is still owed, overdue or not. */
    public boolean isOpen() {
        return closedAt == null;
    }
}
