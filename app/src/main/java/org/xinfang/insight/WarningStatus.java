package org.xinfang.insight;

/** Where a warning stands: new → acknowledged → handled, each step with who, when and a note. */
public enum WarningStatus {
    /** 新预警: raised, nobody has looked at it yet. */
    NEW("待签收", "New"),
    /** 已签收: a leader or supervisor has taken it on. */
    ACKNOWLEDGED("已签收", "Acknowledged"),
    /** 已处置: what was done is recorded; new evidence after this raises a new warning. */
    HANDLED("已处置", "Handled");

    private final String label;
    private final String englishLabel;

    WarningStatus(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }
}
