package org.xinfang.petition;

/** The lawful outcomes of a written reply (domain-law.md §6). */
public enum Outcome {
    /** 予以支持: the request is factually clear and lawful. */
    SUPPORTED("予以支持"),
    /** 解释说明: reasonable grounds without a legal basis; explained. */
    EXPLAINED("解释说明"),
    /** 不予支持: no factual basis or not lawful; with 疏导教育. */
    NOT_SUPPORTED("不予支持"),
    /** 采纳: a suggestion adopted. */
    ADOPTED("予以采纳"),
    /** 部分采纳: a suggestion partly adopted. */
    PARTLY_ADOPTED("部分采纳"),
    /** 不予采纳: a suggestion not adopted, with reasons. */
    NOT_ADOPTED("不予采纳");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
