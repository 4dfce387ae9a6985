package org.xinfang.supervision;

/** How a 督办 is carried out (网上督查、电话、发函、约谈、实地督查、联合督查、提级督查). */
public enum SupervisionMethod {
    /** 网上督办: through the platform. */
    ONLINE("网上督办"),
    /** 电话督办. */
    PHONE("电话督办"),
    /** 发函督办: a formal letter (督办函). */
    LETTER("发函督办"),
    /** 约谈督办: the unit's responsible people are summoned to a talk. */
    INTERVIEW("约谈督办"),
    /** 实地督办: staff go on site, may 回访 the petitioner. */
    ON_SITE("实地督办"),
    /** 联合督办: together with other supervising bodies. */
    JOINT("联合督办"),
    /** 提级督办: the organ above the unit is pressed to act. */
    ESCALATED("提级督办");

    private final String label;

    SupervisionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
