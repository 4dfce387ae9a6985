package org.xinfang.petition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.routing.RouteMode;
import org.xinfang.shared.RuleViolationException;

/**
 * The 信访事项 aggregate. Its state changes only through the intention-revealing methods below; each
 * checks the state, the caller's role and unit, records a timeline entry and registers an event.
 * Clocks and visibility are the application service's business ({@link PetitionLifecycle}).
 */
class Petition {

    /** Something awaiting the unit head's approval (审批). */
    enum PendingKind {
        EXTENSION, REPLY, DECLINE
    }

    record TimelineEntry(Instant at, String event, String actor, Long unitId, String note, boolean isPublic) {
    }

    // identity and content
    UUID id;
    String number;
    Channel channel;
    PetitionType type;
    String category;
    String regionCode;
    String title;
    String content;
    UUID petitionerId;
    int headcount;
    Instant receivedAt;
    Instant registeredAt;
    String registeredBy;
    long receivingUnitId;
    boolean publicAllowed;
    // flags
    UUID repeatOf;
    int repeatCount;
    boolean skipLevel;
    boolean firstTime;
    boolean urgent;
    boolean confidential;
    boolean simplified;
    // lifecycle
    PetitionStatus status;
    long currentUnitId;
    Long routedByUnitId;
    RouteMode routeMode;
    int extendedDays;
    PendingKind pendingKind;
    String pendingPayload;
    String pendingBy;
    DeclineGround declineGround;
    Outcome outcome;
    String replyText;
    Instant repliedAt;
    Long replyUnitId;
    Instant deliveredAt;
    String deliveryMethod;
    int reviewStage;
    Long reviewUnitId;
    String reviewReason;
    Instant reviewRequestedAt;
    ReviewOutcome reviewOutcome;
    String reviewText;
    Instant reviewAnsweredAt;
    Rating rating;
    String ratingComment;
    Instant ratedAt;
    Instant closedAt;
    int version;

    final transient List<TimelineEntry> newTimeline = new ArrayList<>();
    final transient List<PetitionEvent> events = new ArrayList<>();
    final transient List<Long> newAccess = new ArrayList<>();

    // ---------------------------------------------------------------- routing

    /** 转送 / 交办 / 诉访分离 / 转纪检监察 by the 信访部门 that holds the petition. */
    void route(RouteMode mode, long toUnitId, String toUnitName, StaffUser by, Instant at) {
        checkRoute(by);
        long from = currentUnitId;
        routedByUnitId = from;
        routeMode = mode;
        currentUnitId = toUnitId;
        newAccess.add(toUnitId);
        if (mode == RouteMode.TO_DISCIPLINE) {
            confidential = true;
        }
        if (mode == RouteMode.GUIDE_TO_LEGAL_CHANNEL) {
            status = PetitionStatus.GUIDED;
            closedAt = at;
            record(at, "GUIDED", by, toUnitId, "依法引导至" + toUnitName + "，通过法定途径解决", true);
        } else {
            status = PetitionStatus.ROUTED;
            record(at, mode.name(), by, toUnitId, mode.label() + "至" + toUnitName, !confidential);
        }
        events.add(new PetitionEvent.Routed(id, number, mode, from, toUnitId, at));
    }

    /** 退回: the handling unit objects, within 5 working days, that the matter is not its remit. */
    void returnAsMisrouted(String reason, boolean withinObjectionPeriod, StaffUser by, Instant at) {
        checkReturn(withinObjectionPeriod, by);
        long from = currentUnitId;
        currentUnitId = routedByUnitId;
        status = PetitionStatus.RETURNED;
        record(at, "RETURNED", by, from, "以非本单位职责为由退回：" + reason, false);
        events.add(new PetitionEvent.Returned(id, number, from, currentUnitId, at));
    }

    // ---------------------------------------------------------------- acceptance

    /** 受理: the handling unit accepts and tells the petitioner (受理告知). */
    void accept(boolean simplifiedTrack, StaffUser by, Instant at) {
        checkAccept(simplifiedTrack, by);
        simplified = simplifiedTrack;
        status = PetitionStatus.IN_PROGRESS;
        record(at, "ACCEPTED", by, currentUnitId, simplifiedTrack ? "受理（简易办理）" : "受理", true);
        events.add(new PetitionEvent.Accepted(id, number, currentUnitId, simplifiedTrack, at));
    }

    /** 不予受理, proposed with a lawful ground; takes effect when the unit head approves. */
    void proposeDecline(DeclineGround ground, String note, StaffUser by, Instant at) {
        checkDecline(by);
        pend(PendingKind.DECLINE, ground.name() + "\n" + (note == null ? "" : note), by);
        record(at, "DECLINE_PROPOSED", by, currentUnitId, "拟不予受理：" + ground.label(), false);
    }

    // ---------------------------------------------------------------- handling

    /** 延期: once, at most 30 days, with a reason told to the petitioner; needs approval. */
    void proposeExtension(int days, String reason, StaffUser by, Instant at) {
        checkExtend(by);
        if (days < 1 || days > 30) {
            throw new RuleViolationException("rule.extend.max", 30);
        }
        pend(PendingKind.EXTENSION, days + "\n" + reason, by);
        record(at, "EXTENSION_PROPOSED", by, currentUnitId, "申请延期" + days + "日：" + reason, false);
    }

    /** 答复意见 drafted with a lawful outcome; issued when the unit head approves. */
    void draftReply(Outcome proposed, String text, StaffUser by, Instant at) {
        checkReply(by);
        if (!type.allows(proposed)) {
            throw new RuleViolationException("rule.reply.outcomeForType", proposed.label(), type.label());
        }
        pend(PendingKind.REPLY, proposed.name() + "\n" + text, by);
        record(at, "REPLY_DRAFTED", by, currentUnitId, "起草答复意见（" + proposed.label() + "）", false);
    }

    /** What an approval decided, for the service to move clocks accordingly. */
    enum Approved {
        EXTENSION, REPLY, DECLINE, REJECTED
    }

    /** 审批 by the head of the unit holding the petition. */
    Approved decide(boolean approve, String note, StaffUser by, Instant at) {
        checkDecide(by);
        PendingKind kind = pendingKind;
        String[] payload = pendingPayload.split("\n", 2);
        pendingKind = null;
        pendingPayload = null;
        pendingBy = null;
        if (!approve) {
            record(at, kind.name() + "_REJECTED", by, currentUnitId, "审批未通过" + (note == null ? "" : "：" + note), false);
            return Approved.REJECTED;
        }
        switch (kind) {
            case EXTENSION -> {
                extendedDays = Integer.parseInt(payload[0]);
                status = PetitionStatus.EXTENDED;
                record(at, "EXTENDED", by, currentUnitId, "延长办理期限" + extendedDays + "日。理由：" + payload[1], true);
                events.add(new PetitionEvent.Extended(id, number, currentUnitId, extendedDays, at));
                return Approved.EXTENSION;
            }
            case REPLY -> {
                outcome = Outcome.valueOf(payload[0]);
                replyText = payload[1];
                repliedAt = at;
                replyUnitId = currentUnitId;
                status = PetitionStatus.ANSWERED;
                record(at, "ANSWERED", by, currentUnitId, "出具答复意见：" + outcome.label(), true);
                events.add(new PetitionEvent.ReplyIssued(id, number, currentUnitId, outcome, at, replyText));
                return Approved.REPLY;
            }
            case DECLINE -> {
                declineGround = DeclineGround.valueOf(payload[0]);
                status = PetitionStatus.NOT_ACCEPTED;
                closedAt = at;
                record(at, "NOT_ACCEPTED", by, currentUnitId, "不予受理：" + declineGround.label(), true);
                events.add(new PetitionEvent.Declined(id, number, currentUnitId, declineGround, at));
                return Approved.DECLINE;
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** 送达: the written reply reached the petitioner. */
    void recordDelivery(String method, Instant deliveredOn, StaffUser by, Instant at) {
        checkDelivery(by);
        deliveredAt = deliveredOn;
        deliveryMethod = method;
        record(at, "DELIVERED", by, currentUnitId, "答复意见已送达（" + method + "）", true);
    }

    // ---------------------------------------------------------------- the petitioner

    /** 满意度评价 by the petitioner, once, after a reply. */
    void rate(Rating given, String comment, Instant at) {
        if (repliedAt == null) {
            throw new RuleViolationException("rule.rate.noReply");
        }
        if (rating != null) {
            throw new RuleViolationException("rule.rate.once");
        }
        rating = given;
        ratingComment = comment;
        ratedAt = at;
        record(at, "RATED", null, replyUnitId, "信访人评价：" + given.label(), true);
        events.add(new PetitionEvent.Rated(id, number, given, replyUnitId, at));
    }

    /** 复查 (after the reply) or 复核 (after the 复查 opinion), within the 30-day window. */
    void requestReview(String reason, long reviewUnit, boolean withinWindow, Instant at) {
        int stage;
        if (status == PetitionStatus.ANSWERED) {
            stage = 1;
        } else if (status == PetitionStatus.REVIEWED) {
            stage = 2;
        } else {
            throw new RuleViolationException("rule.review.notNow", status.label());
        }
        if (!withinWindow) {
            throw new RuleViolationException("rule.review.windowMissed");
        }
        reviewStage = stage;
        reviewUnitId = reviewUnit;
        reviewReason = reason;
        reviewRequestedAt = at;
        reviewOutcome = null;
        reviewText = null;
        reviewAnsweredAt = null;
        newAccess.add(reviewUnit);
        status = stage == 1 ? PetitionStatus.REVIEW_REQUESTED : PetitionStatus.RECHECK_REQUESTED;
        record(at, stage == 1 ? "REVIEW_REQUESTED" : "RECHECK_REQUESTED", null, reviewUnit,
                stage == 1 ? "信访人申请复查" : "信访人申请复核", true);
        events.add(new PetitionEvent.ReviewRequested(id, number, stage, reviewUnit, at));
    }

    /** The 复查 or 复核 organ's opinion. After 复核 the matter is final. */
    void answerReview(ReviewOutcome result, String text, StaffUser by, Instant at) {
        checkAnswerReview(by);
        reviewOutcome = result;
        reviewText = text;
        reviewAnsweredAt = at;
        boolean recheck = status == PetitionStatus.RECHECK_REQUESTED;
        if (recheck) {
            status = PetitionStatus.FINAL;
            closedAt = at;
        } else if (result == ReviewOutcome.REDO) {
            status = PetitionStatus.IN_PROGRESS;
            currentUnitId = replyUnitId;
            repliedAt = null;
            outcome = null;
            extendedDays = 0;
            rating = null;
            ratedAt = null;
        } else {
            status = PetitionStatus.REVIEWED;
        }
        record(at, recheck ? "RECHECKED" : "REVIEWED", by, reviewUnitId,
                (recheck ? "复核意见：" : "复查意见：") + result.label(), true);
        events.add(new PetitionEvent.ReviewAnswered(id, number, reviewStage, reviewUnitId, result, at));
        if (status == PetitionStatus.FINAL) {
            events.add(new PetitionEvent.Closed(id, number, status, at));
        }
    }

    /** 结案: the petitioner's window for 复查/复核 passed without a request. */
    void closeAfterReviewWindow(Instant at) {
        if (status != PetitionStatus.ANSWERED && status != PetitionStatus.REVIEWED) {
            return;
        }
        status = PetitionStatus.CLOSED;
        closedAt = at;
        recordAs(at, "CLOSED", "系统", currentUnitId, "复查（复核）申请期限届满，事项办结", true);
        events.add(new PetitionEvent.Closed(id, number, status, at));
    }

    // ---------------------------------------------------------------- rules
    // Each staff step's preconditions, apart from its input: the step itself runs them first, and
    // PetitionQueries#allowedSteps runs them alone to offer a user exactly the steps they may take now.

    void checkRoute(StaffUser by) {
        requireStatus("route", PetitionStatus.REGISTERED, PetitionStatus.RETURNED);
        requireRole(by, Role.CLERK);
        requireHeldBy(by);
        requireNoPending();
    }

    void checkReturn(boolean withinObjectionPeriod, StaffUser by) {
        requireStatus("return", PetitionStatus.ROUTED);
        requireRole(by, Role.HANDLER, Role.APPROVER);
        requireHeldBy(by);
        if (!withinObjectionPeriod) {
            throw new RuleViolationException("rule.return.tooLate");
        }
        if (routedByUnitId == null) {
            throw new RuleViolationException("rule.return.noRouter");
        }
    }

    void checkAccept(boolean simplifiedTrack, StaffUser by) {
        requireStatus("accept", PetitionStatus.ROUTED);
        requireRole(by, Role.HANDLER, Role.APPROVER);
        requireHeldBy(by);
        requireNoPending();
        if (simplifiedTrack && !firstTime) {
            throw new RuleViolationException("rule.simplified.firstTimeOnly");
        }
    }

    void checkDecline(StaffUser by) {
        requireStatus("decline", PetitionStatus.REGISTERED, PetitionStatus.ROUTED, PetitionStatus.RETURNED);
        requireRole(by, Role.CLERK, Role.HANDLER, Role.APPROVER);
        requireHeldBy(by);
        requireNoPending();
    }

    void checkExtend(StaffUser by) {
        requireStatus("extend", PetitionStatus.IN_PROGRESS, PetitionStatus.EXTENDED);
        requireRole(by, Role.HANDLER, Role.APPROVER);
        requireHeldBy(by);
        requireNoPending();
        if (simplified) {
            throw new RuleViolationException("rule.extend.simplified");
        }
        if (extendedDays > 0) {
            throw new RuleViolationException("rule.extend.once");
        }
    }

    void checkReply(StaffUser by) {
        requireStatus("reply", PetitionStatus.IN_PROGRESS, PetitionStatus.EXTENDED);
        requireRole(by, Role.HANDLER, Role.APPROVER);
        requireHeldBy(by);
        requireNoPending();
    }

    void checkDecide(StaffUser by) {
        requireRole(by, Role.APPROVER);
        requireHeldBy(by);
        if (pendingKind == null) {
            throw new RuleViolationException("rule.approve.nothingPending");
        }
        if (by.username().equals(pendingBy)) {
            throw new RuleViolationException("rule.approve.ownProposal");
        }
    }

    void checkDelivery(StaffUser by) {
        if (repliedAt == null) {
            throw new RuleViolationException("rule.delivery.noReply");
        }
        requireRole(by, Role.HANDLER, Role.APPROVER, Role.CLERK);
    }

    void checkAnswerReview(StaffUser by) {
        requireStatus("review", PetitionStatus.REVIEW_REQUESTED, PetitionStatus.RECHECK_REQUESTED);
        requireRole(by, Role.HANDLER, Role.APPROVER, Role.LEADER);
        if (reviewUnitId == null || by.unitId() != reviewUnitId) {
            throw new RuleViolationException("rule.review.wrongOrgan");
        }
    }

    private void requireStatus(String action, PetitionStatus... allowed) {
        for (PetitionStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new RuleViolationException("rule.state", action, status.label());
    }

    private static void requireRole(StaffUser by, Role... roles) {
        if (!by.hasAny(roles)) {
            throw new org.springframework.security.access.AccessDeniedException("role");
        }
    }

    /** 首办负责: only the unit holding the petition now may act on it. */
    private void requireHeldBy(StaffUser by) {
        if (by.unitId() != currentUnitId) {
            throw new RuleViolationException("rule.notHolder");
        }
    }

    private void requireNoPending() {
        if (pendingKind != null) {
            throw new RuleViolationException("rule.pending");
        }
    }

    private void pend(PendingKind kind, String payload, StaffUser by) {
        pendingKind = kind;
        pendingPayload = payload;
        pendingBy = by.username();
    }

    /** A timeline entry by a member of staff, or by the petitioner when {@code by} is null. */
    void record(Instant at, String event, StaffUser by, Long unitId, String note, boolean isPublic) {
        recordAs(at, event, by == null ? "信访人" : by.displayName(), unitId, note, isPublic);
    }

    /** A timeline entry by a named actor (a clerk's name, a channel). */
    void recordAs(Instant at, String event, String actor, Long unitId, String note, boolean isPublic) {
        newTimeline.add(new TimelineEntry(at, event, actor, unitId, note, isPublic));
    }
}
