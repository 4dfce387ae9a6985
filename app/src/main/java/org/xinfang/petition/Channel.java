package org.xinfang.petition;

/** 信、访、电、网、微: the five intake channels. */
public enum Channel {
    /** 来信 */
    LETTER("来信"),
    /** 来访 */
    VISIT("来访"),
    /** 来电 */
    PHONE("来电"),
    /** 网上信访 */
    ONLINE("网上信访"),
    /** 微信 (messaging channel) */
    WECHAT("微信");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
