package org.xinfang.routing;

/** How the 信访部门 sends a registered petition on (Art.22). */
public enum RouteMode {
    /** 转送: to the competent organ; no report back required. */
    FORWARD("转送"),
    /** 交办: with a feedback deadline; the organ reports back with an 办结报告. */
    ASSIGN("交办"),
    /** 诉访分离: a litigation, arbitration or administrative-review matter, guided to that channel. */
    GUIDE_TO_LEGAL_CHANNEL("导入法定途径"),
    /** 检举控告 to the 纪检监察 organ with 管理权限, under strict confidentiality. */
    TO_DISCIPLINE("转纪检监察");

    private final String label;

    RouteMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
