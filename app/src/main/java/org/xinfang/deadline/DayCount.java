package org.xinfang.deadline;

/**
 * How the days of a period are counted.
 */
public enum DayCount {

    /**
     * 自然日: every day on the calendar counts. The 条例 writes these periods as a bare "N日";
     * if the last day is not a working day the period ends on the next working day
     * (民法典 Art.203).
     */
    CALENDAR,

    /**
     * 工作日: only working days count, that is Monday to Friday plus the 调休 make-up days,
     * less the statutory holidays. The 条例 says so explicitly ("5个工作日").
     */
    WORKING
}
