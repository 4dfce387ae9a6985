package org.xinfang.petition;

/** The outcomes of a 复查 or 复核 opinion. */
public enum ReviewOutcome {
    /** 维持: the earlier opinion stands. */
    UPHELD("维持"),
    /** 变更: the earlier opinion is changed. */
    CHANGED("变更"),
    /** 责令重新办理: sent back to be handled again. */
    REDO("责令重新办理");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
