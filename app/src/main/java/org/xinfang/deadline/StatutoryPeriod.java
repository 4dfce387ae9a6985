package org.xinfang.deadline;

/**
 * The time limits a petition runs against, with their default length. Administrators may change
 * length and day count per period ({@link PeriodRules}); these defaults follow the reading in
 * domain-law.md §4: bare "N日" in the 条例 counts calendar days, "工作日" counts working days.
 */
public enum StatutoryPeriod {

    /**
     * 登记后转送/交办: the petition bureau forwards or assigns a registered petition within 15 days
     * of receipt. 《信访工作条例》 Art.22.
     */
    ROUTE("转送、交办", 15, DayCount.CALENDAR),

    /**
     * 承办单位书面告知: the handling organ tells the petitioner in writing, within 15 days of
     * receiving the forwarded matter, that it was received and how it will be processed.
     * 《信访工作条例》 Art.23¶3.
     */
    ACKNOWLEDGE("书面告知", 15, DayCount.CALENDAR),

    /**
     * 办理: the handling organ finishes the matter within 60 days of acceptance. 《信访工作条例》
     * (Art.33, article number recalled, not verified); 2005 《信访条例》 Art.33.
     */
    HANDLE("办理", 60, DayCount.CALENDAR),

    /**
     * 延期: the handling period may be extended by at most 30 days, approved by the head of the
     * organ and with the reason told to the petitioner. Same article as {@link #HANDLE}.
     */
    EXTENSION("延期办理", 30, DayCount.CALENDAR),

    /**
     * 异议退回: a handling organ that thinks a forwarded matter is not its remit objects, with
     * reasons, within 5 working days. 《信访工作条例》 Art.23¶3.
     */
    MISROUTE_OBJECTION("异议退回", 5, DayCount.WORKING),

    /**
     * 简易办理: an eligible first-time matter gets its answer within 10 working days of
     * acceptance. Petition-work practice (国家信访局 simplified handling), not the 条例 itself.
     */
    SIMPLIFIED("简易办理", 10, DayCount.WORKING),

    /**
     * 申请复查: the petitioner may ask the next higher organ for a review within 30 days of
     * receiving the written reply. 《信访工作条例》 (article number recalled); 2005 《信访条例》 Art.34.
     */
    REVIEW_REQUEST("申请复查", 30, DayCount.CALENDAR),

    /**
     * 复查答复: the reviewing organ answers in writing within 30 days of the request.
     * 《信访工作条例》 (article number recalled); 2005 《信访条例》 Art.34.
     */
    REVIEW_ANSWER("复查答复", 30, DayCount.CALENDAR),

    /**
     * 申请复核: the petitioner may ask the organ above the reviewer for a second review within
     * 30 days of the review answer. 《信访工作条例》 复核 clause (content seen, article number not
     * verified); 2005 《信访条例》 Art.35.
     */
    RECHECK_REQUEST("申请复核", 30, DayCount.CALENDAR),

    /**
     * 复核答复: the second review is answered within 30 days of the request; hearing (听证) time
     * is not counted. Same clause as {@link #RECHECK_REQUEST}.
     */
    RECHECK_ANSWER("复核答复", 30, DayCount.CALENDAR),

    /**
     * 交办反馈: an assigned matter reports its result by the deadline the assigning bureau sets
     * for the case (《信访工作条例》 Art.22(三)); 60 days, the handling period, when none is set.
     */
    ASSIGNMENT_FEEDBACK("交办反馈", 60, DayCount.CALENDAR);

    private final String label;
    private final int defaultDays;
    private final DayCount defaultDayCount;

    StatutoryPeriod(String label, int defaultDays, DayCount defaultDayCount) {
        this.label = label;
        this.defaultDays = defaultDays;
        this.defaultDayCount = defaultDayCount;
    }

    /** The Chinese name shown to staff, e.g. "书面告知". */
    public String label() {
        return label;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public DayCount defaultDayCount() {
        return defaultDayCount;
    }

    /** The rule as the law sets it, before any administrator's change. */
    public PeriodRule defaultRule() {
        return new PeriodRule(this, defaultDays, defaultDayCount);
    }
}
