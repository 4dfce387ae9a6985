package org.xinfang.organization;

/** The territorial level a unit sits at. */
public enum UnitLevel {
    /** 省级 */
    PROVINCE("省级"),
    /** 市级 */
    CITY("市级"),
    /** 区县级 */
    DISTRICT("区县级"),
    /** 乡镇街道 */
    TOWNSHIP("乡镇街道"),
    /** 村社区 */
    COMMUNITY("村社区");

    private final String label;

    UnitLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level directly above, or null at the top. */
    public UnitLevel above() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
