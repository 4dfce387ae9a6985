package org.xinfang.deadline;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rule in force for every {@link StatutoryPeriod}. The day-count reading of the 条例 is an
 * inference (domain-law.md §4, §11), so administrators can change length and day count per period;
 * a period without a configured rule keeps its default. Immutable.
 */
public final class PeriodRules {

    private final Map<StatutoryPeriod, PeriodRule> rules;

    private PeriodRules(Map<StatutoryPeriod, PeriodRule> rules) {
        this.rules = rules;
    }

    /** The defaults of {@link StatutoryPeriod}: calendar days except 异议退回 and 简易办理. */
    public static PeriodRules defaults() {
        Map<StatutoryPeriod, PeriodRule> rules = new EnumMap<>(StatutoryPeriod.class);
        for (StatutoryPeriod period : StatutoryPeriod.values()) {
            rules.put(period, period.defaultRule());
        }
        return new PeriodRules(rules);
    }

    /** The defaults, overridden by the given rules; a period may appear at most once. */
    public static PeriodRules of(Collection<PeriodRule> configured) {
        if (configured == null) {
            throw new IllegalArgumentException("configured rules must not be null");
        }
        Map<StatutoryPeriod, PeriodRule> rules = new EnumMap<>(defaults().rules);
        Map<StatutoryPeriod, PeriodRule> seen = new EnumMap<>(StatutoryPeriod.class);
        for (PeriodRule rule : configured) {
            if (rule == null) {
                throw new IllegalArgumentException("configured rules must not contain null");
            }
            if (seen.put(rule.period(), rule) != null) {
                throw new IllegalArgumentException("more than one rule configured for " + rule.period());
            }
            rules.put(rule.period(), rule);
        }
        return new PeriodRules(rules);
    }

    /** These rules with one period changed. */
    public PeriodRules with(PeriodRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        Map<StatutoryPeriod, PeriodRule> changed = new EnumMap<>(rules);
        changed.put(rule.period(), rule);
        return new PeriodRules(changed);
    }

    public PeriodRule rule(StatutoryPeriod period) {
        if (period == null) {
            throw new IllegalArgumentException("period must not be null");
        }
        return rules.get(period);
    }

    /** Every rule, in the order of {@link StatutoryPeriod}. */
    public List<PeriodRule> all() {
        return List.copyOf(rules.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeriodRules that && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "PeriodRules" + rules.values();
    }
}
