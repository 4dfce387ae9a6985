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

    public record DeadlineView(String period, String label, OffsetDateTime startedAt, LocalDate dueDate,
            OffsetDateTime dueAt, String state, long daysLeft, String unit) {
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

    /** One row of a work list. */
    public record Row(String number, String status, String statusLabel, String channel, String type, String title,
            String regionCode, OffsetDateTime receivedAt, UnitRef currentUnit, LocalDate nextDueDate, String nextDuePeriod,
            boolean overdue, Flags flags) {
    }

    public record Page(List<Row> items, long total, int page, int size) {
    }

    /** What the petitioner sees with number + query code (网上查询). */
    public record PublicView(String number, String status, String statusLabel, OffsetDateTime receivedAt,
            String channelLabel, String typeLabel, String title, String content, String handlingUnit,
            List<Map<String, Object>> timeline, List<Map<String, Object>> deadlines, ReplyView reply,
            ReviewView review, String rating, String ratingLabel, boolean canRate, boolean canRequestReview) {
    }
}
