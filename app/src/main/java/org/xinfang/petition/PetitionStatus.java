package org.xinfang.petition;

/** Where a petition stands in the lifecycle of 《信访工作条例》 (domain-law.md §3). */
public enum PetitionStatus {
    /** 已登记: registered by the receiving 信访部门, waiting to be routed (15 days). */
    REGISTERED("已登记", false),
    /** 已转送/已交办: sent to the handling unit, waiting for its written notice (15 days). */
    ROUTED("已转交", false),
    /** 已退回: the handling unit objected in time that it is not competent; back with the router. */
    RETURNED("已退回", false),
    /** 不予受理: declined on a lawful ground with a written notice. */
    NOT_ACCEPTED("不予受理", true),
    /** 不再受理: the same facts and reasons after 复核; not accepted again. */
    NOT_RE_ACCEPTED("不再受理", true),
    /** 已导入法定途径: 诉访分离 — guided to litigation, arbitration or administrative review. */
    GUIDED("已引导至法定途径", true),
    /** 重复信访: the same petitioner and matter as an open petition; handled there, not twice. */
    DUPLICATE("重复信访已合并", true),
    /** 办理中: accepted by the handling unit (60 days). */
    IN_PROGRESS("办理中", false),
    /** 已延期: handling period extended once (≤30 days), the petitioner told the reason. */
    EXTENDED("已延期", false),
    /** 已办结: the written reply was issued. */
    ANSWERED("已办结", false),
    /** 复查中: the petitioner asked the organ above for 复查 within 30 days. */
    REVIEW_REQUESTED("复查中", false),
    /** 已复查: the 复查 opinion was issued. */
    REVIEWED("已复查", false),
    /** 复核中: the petitioner asked for 复核 within 30 days of the 复查 opinion. */
    RECHECK_REQUESTED("复核中", false),
    /** 已复核（终结）: the 复核 opinion is final. */
    FINAL("已复核终结", true),
    /** 已结案: no review was requested in time; the reply stands. */
    CLOSED("已结案", true);

    private final String label;
    private final boolean terminal;

    PetitionStatus(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    public String label() {
        return label;
    }

    /** No further handling happens in this state. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Still being worked on somewhere: repeats of it are linked to it, not handled again. */
    public boolean isOpen() {
        return !terminal;
    }
}
