package org.xinfang.petition;

import java.time.Instant;
import java.util.UUID;

import org.xinfang.routing.RouteMode;

/** What happened to a petition, published after each lawful step for other modules to react to. */
public sealed interface PetitionEvent {

    UUID petitionId();

    String number();

    /**
     * 登记: received on a channel and registered; {@code status} may already be DUPLICATE or NOT_RE_ACCEPTED.
     * Title, content and category travel along for the modules that read the text (search, insight).
     */
    record Registered(UUID petitionId, String number, Channel channel, PetitionType type, String regionCode,
            long receivingUnitId, PetitionStatus status, boolean firstTime, boolean skipLevel, UUID repeatOf,
            Instant receivedAt, String title, String content, String category) implements PetitionEvent {
    }

    /** 转送 / 交办 / 诉访分离 / 转纪检监察. */
    record Routed(UUID petitionId, String number, RouteMode mode, long fromUnitId, long toUnitId, Instant at)
            implements PetitionEvent {
    }

    /** 受理: the handling unit accepted the matter. */
    record Accepted(UUID petitionId, String number, long unitId, boolean simplified, Instant at) implements PetitionEvent {
    }

    /** 不予受理, approved by the unit head. */
    record Declined(UUID petitionId, String number, long unitId, DeclineGround ground, Instant at)
            implements PetitionEvent {
    }

    /** 退回: the unit objected in time that the matter is not its remit. */
    record Returned(UUID petitionId, String number, long fromUnitId, long toUnitId, Instant at) implements PetitionEvent {
    }

    /** 延期, approved by the unit head. */
    record Extended(UUID petitionId, String number, long unitId, int days, Instant at) implements PetitionEvent {
    }

    /** 答复: the written reply was approved and issued; {@code text} is the reply itself. */
    record ReplyIssued(UUID petitionId, String number, long unitId, Outcome outcome, Instant at, String text)
            implements PetitionEvent {
    }

    /** 满意度评价. */
    record Rated(UUID petitionId, String number, Rating rating, long unitId, Instant at) implements PetitionEvent {
    }

    /** 复查 (stage 1) or 复核 (stage 2) requested. */
    record ReviewRequested(UUID petitionId, String number, int stage, long reviewUnitId, Instant at)
            implements PetitionEvent {
    }

    /** 复查 or 复核 opinion issued. */
    record ReviewAnswered(UUID petitionId, String number, int stage, long reviewUnitId, ReviewOutcome outcome,
            Instant at) implements PetitionEvent {
    }

    /** 结案: no review was requested in time, or the 复核 made it final. */
    record Closed(UUID petitionId, String number, PetitionStatus status, Instant at) implements PetitionEvent {
    }
}
