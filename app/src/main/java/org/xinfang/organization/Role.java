package org.xinfang.organization;

/** The staff roles of a petition bureau and the units it works with. */
public enum Role {
    /** 登记员: registers letters, visits, calls and online petitions and routes them. */
    CLERK("登记员", "Intake clerk"),
    /** 承办人: handles a petition in a responsible unit, drafts the reply. */
    HANDLER("承办人", "Case handler"),
    /** 审核人: head of a unit; approves extensions, replies and not-accepted decisions. */
    APPROVER("审核人", "Approver"),
    /** 督查员: watches deadlines, issues 督办单, records 约谈, publishes 通报. */
    SUPERVISOR("督查员", "Supervisor"),
    /** 领导: owns hard cases (包案), writes 批示, reads reports and warnings. */
    LEADER("领导", "Leader"),
    /** 管理员: organisations, users, categories, calendar, rules. */
    ADMIN("管理员", "Administrator");

    private final String label;
    private final String englishLabel;

    Role(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
