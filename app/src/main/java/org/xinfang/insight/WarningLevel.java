package org.xinfang.insight;

/** 预警等级: how urgently a leader should look at a warning, most urgent first. */
public enum WarningLevel {
    /** 红色预警: act now (a large or fast-growing matter, or a key domain at orange). */
    RED("红色", "Red"),
    /** 橙色预警: act within days. */
    ORANGE("橙色", "Orange"),
    /** 黄色预警: watch and verify. */
    YELLOW("黄色", "Yellow");

    private final String label;
    private final String englishLabel;

    WarningLevel(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** One level more urgent (red stays red): the weight of a key domain (重点领域). */
    public WarningLevel raised() {
        return this == YELLOW ? ORANGE : RED;
    }

    /** The more urgent of the two. */
    public WarningLevel atLeast(WarningLevel other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
