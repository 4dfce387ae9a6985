package org.xinfang.shared;

/**
 * A step the law or the current state does not allow (answering before acceptance, a review request
 * after its window …): answered with 409 and the reason; nothing has changed.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public RuleViolationException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
