package org.xinfang.reply;

import java.util.List;

/**
 * What the checker found: one finding per rule that applies, and the failures as plain Chinese sentences
 * ({@code missing}), in the order of the rules.
 */
public record ReplyCheck(boolean passed, List<Finding> findings, List<String> missing) {

    /** The result of one rule. */
    public record Finding(ReplyRule rule, String ruleLabel, boolean passed, String message) {
    }

    /** Whether the given rule failed. */
    public boolean failed(ReplyRule rule) {
        return findings.stream().anyMatch(f -> f.rule() == rule && !f.passed());
    }
}
