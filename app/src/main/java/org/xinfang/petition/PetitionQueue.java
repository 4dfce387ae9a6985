package org.xinfang.petition;

/**
 * The work queues (工作队列) of the staff inbox. Each is a condition over {@code petition.petition p};
 * {@link PetitionQueries#list} and {@link PetitionQueries#counts} apply it together with the caller's
 * {@link PetitionScope}, so a queue never shows or counts what the caller may not see.
 */
public enum PetitionQueue {
    /** 全部: everything in the caller's scope. */
    ALL("全部", "All", "TRUE"),
    /** 待分流: registered or returned, to be routed within 15 days (Art.22). */
    INTAKE("待分流", "To route", "p.status IN ('REGISTERED', 'RETURNED')"),
    /** 待受理: routed to the unit, to be acknowledged within 15 days (Art.23). */
    TO_ACCEPT("待受理", "To accept", "p.status = 'ROUTED'"),
    /** 办理中: accepted (60 days) or extended. */
    IN_HANDLING("办理中", "In handling", "p.status IN ('IN_PROGRESS', 'EXTENDED')"),
    /** 待审批: an extension, reply or decline awaiting the head of the user's own unit. */
    TO_APPROVE("待审批", "To approve", "p.pending_kind IS NOT NULL AND p.current_unit_id = ?"),
    /** 复查复核: a 复查 or 复核 request awaiting the review organ's opinion. */
    REVIEW("复查复核", "Reviews", "p.status IN ('REVIEW_REQUESTED', 'RECHECK_REQUESTED')"),
    /** 即将超期: the earliest running deadline falls within the warning days. */
    APPROACHING("即将超期", "Due soon", "p.next_due_date BETWEEN ? AND ?"),
    /** 已超期: the earliest running deadline has passed and the duty is still owed. */
    OVERDUE("已超期", "Overdue", "p.next_due_date < ?"),
    /** 已办结: answered, reviewed or otherwise concluded. */
    DONE("已办结", "Concluded", "p.status IN ('ANSWERED', 'REVIEWED', 'FINAL', 'CLOSED', 'NOT_ACCEPTED', "
            + "'NOT_RE_ACCEPTED', 'GUIDED', 'DUPLICATE')");

    private final String label;
    private final String englishLabel;
    private final String condition;

    PetitionQueue(String label, String englishLabel, String condition) {
        this.label = label;
        this.englishLabel = englishLabel;
        this.condition = condition;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /**
     * Whether a petition belongs to this queue, the same rule as {@link #condition()} for counting
     * groups of petitions in Java.
     *
     * @param due       {@code OVERDUE}, {@code APPROACHING} or null, from the earliest running deadline
     * @param toApprove something awaits approval and the user's own unit holds the petition
     */
    boolean holds(PetitionStatus status, String due, boolean toApprove) {
        return switch (this) {
            case ALL -> true;
            case INTAKE -> status == PetitionStatus.REGISTERED || status == PetitionStatus.RETURNED;
            case TO_ACCEPT -> status == PetitionStatus.ROUTED;
            case IN_HANDLING -> status == PetitionStatus.IN_PROGRESS || status == PetitionStatus.EXTENDED;
            case TO_APPROVE -> toApprove;
            case REVIEW -> status == PetitionStatus.REVIEW_REQUESTED || status == PetitionStatus.RECHECK_REQUESTED;
            case APPROACHING -> "APPROACHING".equals(due);
            case OVERDUE -> "OVERDUE".equals(due);
            case DONE -> switch (status) {
                case ANSWERED, REVIEWED, FINAL, CLOSED, NOT_ACCEPTED, NOT_RE_ACCEPTED, GUIDED, DUPLICATE -> true;
                default -> false;
            };
        };
    }

    /** The SQL condition; its parameters come from {@link PetitionQueries}, which alone binds them. */
    String condition() {
        return condition;
    }
}
