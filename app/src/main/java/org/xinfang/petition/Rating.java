package org.xinfang.petition;

/** The petitioner's satisfaction with the reply (满意度评价). */
public enum Rating {
    /** 满意 */
    SATISFIED("满意"),
    /** 基本满意 */
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意: visible to supervisors, a 督办 trigger. */
    UNSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
