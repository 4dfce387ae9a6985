package org.xinfang.petition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read models the API and the pages show. */
public final class PetitionViews {

    private PetitionViews() {
    }

    public record UnitRef(long id, String name) {
    }

    public record TimelineView(OffsetDateTime at, String event, String label, String actor, String unit, String note) {
    }

    /**
     * One statutory clock; {@code open} while the duty is still owed (then an overdue clock reads
     * {@code state} MISSED and {@code daysLeft} counts from today).
     */
    public record DeadlineView(String period, String label, OffsetDateTime startedAt, LocalDate dueDate,
            OffsetDateTime dueAt, String state, long daysLeft, String unit, boolean open) {
    }

    public record Flags(boolean repeat, String repeatOf, int repeatCount, boolean skipLevel, boolean firstTime,
            boolean urgent, boolean confidential, boolean simplified) {
    }

    public record ReplyView(String outcome, String outcomeLabel, String text, OffsetDateTime issuedAt, String unit,
            OffsetDateTime deliveredAt, String deliveryMethod) {
    }

    public record ReviewView(int stage, String stageLabel, String unit, String reason, OffsetDateTime requestedAt,
            String outcome, String outcomeLabel, String text, OffsetDateTime answeredAt) {
    }

    public record PendingView(String kind, String proposedBy, String summary) {
    }

    public record PetitionerView(String name, String idCardNumber, String phone, String address, boolean masked) {
    }

    /** The full staff view of one petition. */
    public record Detail(UUID id, String number, String status, String statusLabel, String channel, String channelLabel,
            String type, String typeLabel, String category, String regionCode, String title, String content,
            OffsetDateTime receivedAt, OffsetDateTime registeredAt, String registeredBy, UnitRef receivingUnit,
            UnitRef currentUnit, String routeMode, int headcount, PetitionerView petitioner, Flags flags,
            PendingView pending, String declineGround, ReplyView reply, ReviewView review, String rating,
            String ratingLabel, String ratingComment, List<TimelineView> timeline, List<DeadlineView> deadlines) {
    }

    /**
     * One row of a work list. The petitioner's name is always masked on lists and exports.
     *
     * @param nextDueDate   the earliest due date of the clocks still owed by a unit, or null
     * @param nextDueLabel  the name of that period (转送、交办, 书面告知, 办理 …)
     * @param daysLeft      calendar days to {@code nextDueDate} (negative once overdue), or null
     * @param dueState      {@code NORMAL}, {@code APPROACHING} (within the warning days) or {@code OVERDUE};
     *                      null without a running deadline
     * @param pendingKind   what awaits the unit head's approval (EXTENSION, REPLY, DECLINE), or null
     */
    public record Row(String number, String status, String statusLabel, String channel, String type, String title,
            String regionCode, OffsetDateTime receivedAt, UnitRef currentUnit, LocalDate nextDueDate, String nextDuePeriod,
            boolean overdue, Flags flags, String channelLabel, String typeLabel, String category, String petitioner,
            String nextDueLabel, Long daysLeft, String dueState, String pendingKind) {
    }

    public record Page(List<Row> items, long total, int page, int size) {
    }

    /**
     * An inbox: one page of the chosen queue, the count of every queue, and of the queue per channel
     * (empty unless asked for, or the scope is small). A count above {@code countCap} means "more than
     * {@code countCap}" (it is not counted further); then {@code totalAtLeast} says the page's total is
     * only a lower bound, and {@code more} whether another page follows this one.
     */
    public record Inbox(Page page, Map<PetitionQueue, Long> counts, Map<Channel, Long> channelCounts, int countCap,
            boolean more, boolean totalAtLeast) {

        /** A count as the inbox shows it: exact, or "10000+" above the cap. */
        public String countText(long n) {
            return n > countCap ? countCap + "+" : Long.toString(n);
        }
    }

    /** What the petitioner sees with number + query code (网上查询). */
    public record PublicView(String number, String status, String statusLabel, OffsetDateTime receivedAt,
            String channelLabel, String typeLabel, String title, String content, String handlingUnit,
            List<Map<String, Object>> timeline, List<Map<String, Object>> deadlines, ReplyView reply,
            ReviewView review, String rating, String ratingLabel, boolean canRate, boolean canRequestReview) {
    }
}
