package org.xinfang.document;

/** The official documents of a petition (domain-law.md §10), each with its printed name. */
public enum DocumentKind {
    /** 受理告知书: the handling organ tells the petitioner it accepted the matter (Art.23). */
    ACCEPTANCE_NOTICE("受理告知书", "受", true, Layout.LETTER),
    /** 不予受理告知书: declined on a lawful ground, with the body to apply to instead. */
    NOT_ACCEPTED_NOTICE("不予受理告知书", "不受", true, Layout.LETTER),
    /** 不再受理告知书: the same facts and reasons after 复核. */
    NOT_RE_ACCEPTED_NOTICE("不再受理告知书", "不再", true, Layout.LETTER),
    /** 延期告知书: the handling period was extended; the reason and the new date. */
    EXTENSION_NOTICE("延期告知书", "延", true, Layout.LETTER),
    /** 处理意见书 (答复意见书): facts, basis, outcome and the 30-day 复查 route. */
    REPLY_OPINION("处理意见书", "处", true, Layout.LETTER),
    /** 复查意见书: the organ above reviewed the opinion; the 复核 route. */
    REVIEW_OPINION("复查意见书", "复查", true, Layout.LETTER),
    /** 复核意见书: the final opinion. */
    RECHECK_OPINION("复核意见书", "复核", true, Layout.LETTER),
    /** 转送单: the bureau forwards the matter to the competent organ. */
    FORWARDING_SLIP("转送单", "转", false, Layout.FORM),
    /** 交办单: assignment with a feedback deadline and a 办结报告. */
    ASSIGNMENT_SLIP("交办单", "交", false, Layout.FORM),
    /** 督办单: supervision order on one case, issued on demand by a supervisor or leader. */
    SUPERVISION_ORDER("督办单", "督", false, Layout.FORM),
    /** 办结报告: the assigned organ reports how the matter was handled. */
    COMPLETION_REPORT("办结报告", "报", false, Layout.LETTER),
    /** 登记表: the registration form of a letter, visit, call or online petition. */
    REGISTRATION_FORM("登记表", null, false, Layout.FORM);

    /** How the document is laid out: a letter with addressee and signature, or a form with a table. */
    public enum Layout {
        LETTER, FORM
    }

    private final String label;
    private final String numberCode;
    private final boolean addressedToPetitioner;
    private final Layout layout;

    DocumentKind(String label, String numberCode, boolean addressedToPetitioner, Layout layout) {
        this.label = label;
        this.numberCode = numberCode;
        this.addressedToPetitioner = addressedToPetitioner;
        this.layout = layout;
    }

    public String label() {
        return label;
    }

    /** The character(s) of the kind in a 文号, e.g. 受 in 东住建信受〔2026〕3号; null if it has no 文号. */
    public String numberCode() {
        return numberCode;
    }

    /** Whether the petitioner receives it and may download it with the query code. */
    public boolean addressedToPetitioner() {
        return addressedToPetitioner;
    }

    public Layout layout() {
        return layout;
    }
}
