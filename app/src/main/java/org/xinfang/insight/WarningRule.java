package org.xinfang.insight;

/** The rules that raise early warnings (预警规则); each is described in {@link WarningRules}. */
public enum WarningRule {
    /** 数量激增: petitions of one territory and category this week far above their own 8-week baseline. */
    SPIKE("信访量激增", "Spike in volume"),
    /** 群体性苗头: many people about one place or group, with similar texts, in a short window. */
    CLUSTER("同一地点或群体集中反映", "Cluster about one place or group"),
    /** 重复信访上升: repeat petitions of one matter rising. */
    REPEAT_RISE("重复信访上升", "Rising repeat petitions"),
    /** 集体访: a visit by five or more people. */
    COLLECTIVE_VISIT("集体访", "Collective visit");

    private final String label;
    private final String englishLabel;

    WarningRule(String label, String englishLabel) {
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
