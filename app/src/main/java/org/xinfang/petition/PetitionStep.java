package org.xinfang.petition;

/**
 * The lawful steps staff take on a petition, one per {@link PetitionLifecycle} method. Which of them a
 * user may take at a given moment comes from {@link PetitionQueries#allowedSteps}, which asks the
 * aggregate's own preconditions, so a page never offers a step the lifecycle would refuse.
 */
public enum PetitionStep {
    /** 转送 / 交办 / 诉访分离 / 转纪检监察, by the 信访部门 holding the petition. */
    ROUTE("转送交办"),
    /** 受理 by the handling unit. */
    ACCEPT("受理"),
    /** 受理 on the simplified track (简易办理), for first-time petitions only. */
    ACCEPT_SIMPLIFIED("简易办理受理"),
    /** 不予受理, proposed with a lawful ground for the unit head to approve. */
    DECLINE("不予受理"),
    /** 退回: the unit objects within 5 working days that the matter is not its remit. */
    RETURN("异议退回"),
    /** 延期, requested once (≤30 days) for the unit head to approve. */
    EXTEND("申请延期"),
    /** 答复意见 drafted for the unit head to approve. */
    REPLY("起草答复"),
    /** 审批 of a pending extension, reply or decline by the unit head. */
    APPROVE("审批"),
    /** 送达 of the issued written reply. */
    DELIVER("送达登记"),
    /** 复查 / 复核 opinion by the review organ. */
    ANSWER_REVIEW("复查复核意见");

    private final String label;

    PetitionStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
