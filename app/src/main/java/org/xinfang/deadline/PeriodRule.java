package org.xinfang.deadline;

/**
 * The configured length of one statutory period and how its days are counted.
 *
 * @param period   the period this rule is for
 * @param days     its length, 1 to 365 (the same bounds as the {@code deadline.period_rule} table)
 * @param dayCount calendar or working days
 */
public record PeriodRule(StatutoryPeriod period, int days, DayCount dayCount) {

    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 365;

    public PeriodRule {
        if (period == null) {
            throw new IllegalArgumentException("period must not be null");
        }
        if (dayCount == null) {
            throw new IllegalArgumentException("dayCount of " + period + " must not be null");
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "days of " + period + " must be between " + MIN_DAYS + " and " + MAX_DAYS + ", was " + days);
        }
    }
}
