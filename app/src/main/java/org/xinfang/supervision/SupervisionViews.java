package org.xinfang.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The read models of supervision, for the API and the pages. */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    /**
     * A 督办建议 in the supervisor's queue.
     *
     * @param trigger           the legal trigger that raised it
     * @param period            the statutory period missed ({@code HANDLE} …), empty for a rating
     * @param periodLabel       its Chinese name, or null
     * @param unitName          the unit responsible when it was raised
     * @param responsiblePerson who accepted the case there, or null if it was not accepted yet
     */
    public record Suggestion(long id, String number, SupervisionReason trigger, String triggerLabel, String period,
            String periodLabel, LocalDate dueDate, Long unitId, String unitName, String responsiblePerson,
            OffsetDateTime raisedAt, String state, String dismissReason, Long orderId) {
    }

    /**
     * A 督办单.
     *
     * @param level   1 for the first order; each escalation (提级) adds one
     * @param overdue whether its due date passed without a response
     */
    public record Order(long id, String number, long unitId, String unitName, String responsiblePerson,
            SupervisionMethod method, String methodLabel, SupervisionReason reason, String reasonLabel,
            String requirement, LocalDate dueDate, int level, Long parentId, Long suggestionId, String state,
            String stateLabel, String issuedBy, OffsetDateTime issuedAt, String response, String respondedBy,
            OffsetDateTime respondedAt, String closedBy, OffsetDateTime closedAt, String closeNote, boolean overdue,
            Long escalatedTo) {
    }

    /** A progress note on an owned case. */
    public record ProgressNote(OffsetDateTime at, String author, String unit, String text) {
    }

    /**
     * A case a leader owns (领导包案).
     *
     * @param workingDaysLeft working days from today to the due date on the working calendar in force (0 on the
     *                        due date, negative once overdue)
     */
    public record Ownership(long id, String number, String title, String statusLabel, String currentUnit,
            long leaderId, String leaderName, String plan, String measures, LocalDate dueDate, long workingDaysLeft,
            boolean overdue, OffsetDateTime takenAt, String state, List<ProgressNote> notes) {
    }

    /** A 领导批示 and how far it was carried out. */
    public record Instruction(long id, String number, long leaderId, String leaderName, String text, long unitId,
            String unitName, LocalDate dueDate, OffsetDateTime writtenAt, String state, String stateLabel,
            String report, String reportedBy, OffsetDateTime reportedAt, OffsetDateTime confirmedAt) {
    }

    /** A 约谈 record. */
    public record Interview(long id, long unitId, String unitName, String interviewee, String reason,
            String commitments, LocalDate heldOn, LocalDate followUpOn, String petitionNumber, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** A matter put to the joint conference (联席会议) and its decision. */
    public record ConferenceReferral(long id, String number, String reason, String referredBy,
            OffsetDateTime referredAt, String state, String stateLabel, LocalDate meetingDate, String participants,
            String decision, Long leadUnitId, String leadUnitName, LocalDate dueDate, String decidedBy,
            OffsetDateTime decidedAt, String followedBy, OffsetDateTime followedAt) {
    }

    /** One unit's line in a 通报: counts and the case numbers behind them. */
    public record BulletinLine(long unitId, String unitName, List<String> overdue, List<String> unsatisfied,
            List<String> unresolved) {

        public int total() {
            return overdue.size() + unsatisfied.size() + unresolved.size();
        }
    }

    /** A 通报 for a period, units with the most items first. */
    public record Bulletin(LocalDate from, LocalDate to, OffsetDateTime generatedAt, String generatedBy,
            List<BulletinLine> lines) {
    }

    /**
     * A report to the 意见箱, as the bureau's supervisors see it (name and contact decrypted).
     */
    public record Feedback(long id, String reference, String name, String contact, Long aboutUnitId,
            String aboutUnitName, String aboutStaff, String content, OffsetDateTime submittedAt, String state,
            String conclusion, String closedBy, OffsetDateTime closedAt) {
    }
}
