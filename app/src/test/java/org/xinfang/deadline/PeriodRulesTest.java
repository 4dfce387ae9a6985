package org.xinfang.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodRulesTest {

    private final PeriodRules defaults = PeriodRules.defaults();

    @Test
    void the_defaults_follow_the_law() {
        assertThat(defaults.all()).containsExactly(
                new PeriodRule(StatutoryPeriod.ROUTE, 15, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.ACKNOWLEDGE, 15, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.HANDLE, 60, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.EXTENSION, 30, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.MISROUTE_OBJECTION, 5, DayCount.WORKING),
                new PeriodRule(StatutoryPeriod.SIMPLIFIED, 10, DayCount.WORKING),
                new PeriodRule(StatutoryPeriod.REVIEW_REQUEST, 30, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.REVIEW_ANSWER, 30, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.RECHECK_REQUEST, 30, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.RECHECK_ANSWER, 30, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.ASSIGNMENT_FEEDBACK, 60, DayCount.CALENDAR));
    }

    @Test
    void every_period_has_a_chinese_label() {
        assertThat(StatutoryPeriod.MISROUTE_OBJECTION.label()).isEqualTo("异议退回");
        assertThat(StatutoryPeriod.values()).allSatisfy(period -> assertThat(period.label()).isNotBlank());
    }

    @Test
    void an_administrator_can_count_a_period_in_working_days_instead() {
        // Should a provincial rule say 复查 is answered in 30 working days, only that period changes.
        PeriodRules changed = defaults.with(new PeriodRule(StatutoryPeriod.REVIEW_ANSWER, 30, DayCount.WORKING));

        assertThat(changed.rule(StatutoryPeriod.REVIEW_ANSWER).dayCount()).isEqualTo(DayCount.WORKING);
        assertThat(changed.rule(StatutoryPeriod.REVIEW_REQUEST)).isEqualTo(defaults.rule(StatutoryPeriod.REVIEW_REQUEST));
        assertThat(defaults.rule(StatutoryPeriod.REVIEW_ANSWER).dayCount()).as("defaults untouched")
                .isEqualTo(DayCount.CALENDAR);
    }

    @Test
    void configured_rules_override_the_defaults_and_the_rest_keep_them() {
        PeriodRules configured = PeriodRules.of(List.of(
                new PeriodRule(StatutoryPeriod.ASSIGNMENT_FEEDBACK, 20, DayCount.CALENDAR)));

        assertThat(configured.rule(StatutoryPeriod.ASSIGNMENT_FEEDBACK).days()).isEqualTo(20);
        assertThat(configured.rule(StatutoryPeriod.HANDLE)).isEqualTo(StatutoryPeriod.HANDLE.defaultRule());
    }

    @Test
    void a_period_may_be_configured_only_once() {
        assertThatThrownBy(() -> PeriodRules.of(List.of(
                new PeriodRule(StatutoryPeriod.HANDLE, 60, DayCount.CALENDAR),
                new PeriodRule(StatutoryPeriod.HANDLE, 45, DayCount.CALENDAR))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("more than one rule configured for HANDLE");
    }

    @Test
    void a_rule_must_have_a_sensible_length() {
        assertThatThrownBy(() -> new PeriodRule(StatutoryPeriod.HANDLE, 0, DayCount.CALENDAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("days of HANDLE must be between 1 and 365, was 0");
        assertThatThrownBy(() -> new PeriodRule(StatutoryPeriod.HANDLE, 366, DayCount.CALENDAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodRule(null, 15, DayCount.CALENDAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("period must not be null");
        assertThatThrownBy(() -> new PeriodRule(StatutoryPeriod.ROUTE, 15, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dayCount of ROUTE must not be null");
        assertThatThrownBy(() -> defaults.rule(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("period must not be null");
    }
}
