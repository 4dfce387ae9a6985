package org.xinfang.petition;

/**
 * The lawful grounds for 不予受理 (2014 逐级走访办法 and post-2022 practice, domain-law.md §5.3); a
 * not-accepted notice always cites one.
 */
public enum DeclineGround {
    /** 应当通过诉讼、仲裁、行政复议等法定途径解决的. */
    LEGAL_CHANNEL("应当通过诉讼、仲裁、行政复议等法定途径解决"),
    /** 属于人大、法院、检察院职权范围的. */
    PEOPLES_CONGRESS_OR_JUDICIARY("属于各级人大、法院、检察院职权范围"),
    /** 越级走访的. */
    SKIP_LEVEL("越级走访，未向依法有权处理的本级或上一级机关提出"),
    /** 已经受理或者正在办理的. */
    ALREADY_IN_HANDLING("信访事项已经受理或者正在办理"),
    /** 对处理意见不服而未按规定申请复查、复核的. */
    REVIEW_NOT_REQUESTED("对处理意见不服，未依照规定申请复查、复核"),
    /** 超过复查、复核申请期限的. */
    REVIEW_WINDOW_MISSED("超过复查、复核申请期限"),
    /** 已经办结或复核终结的. */
    ALREADY_CONCLUDED("信访事项已经办结或者复查、复核终结"),
    /** 不属于本机关职责范围的. */
    NOT_OUR_REMIT("不属于本机关、单位职责范围");

    private final String label;

    DeclineGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
