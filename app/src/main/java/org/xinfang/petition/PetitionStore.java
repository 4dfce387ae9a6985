package org.xinfang.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.xinfang.routing.RouteMode;

/** Loads and saves the {@link Petition} aggregate with its timeline and access list. Plain SQL. */
@Repository
class PetitionStore {

    private final JdbcClient jdbc;

    PetitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next 信访件编号 for a territory and day: {@code 990100-20261122-000001}. */
    String nextNumber(String territoryCode, String day) {
        String prefix = territoryCode + "-" + day;
        int seq = jdbc.sql("""
                INSERT INTO petition.number_counter (prefix, last) VALUES (?, 1)
                ON CONFLICT (prefix) DO UPDATE SET last = petition.number_counter.last + 1 RETURNING last""")
                .param(prefix).query(Integer.class).single();
        return prefix + "-" + String.format("%06d", seq);
    }

    /** @param nextDueDate the earliest due date of the petition's running clocks (see PetitionLifecycle.refreshNextDue) */
    void insert(Petition p, byte[] queryCodeEnc, UUID[] representativeIds, String channelDetailsJson, Instant now,
            java.time.LocalDate nextDueDate) {
        jdbc.sql("""
                INSERT INTO petition.petition (id, number, query_code_enc, channel, type, category, region_code, title, content,
                    petitioner_id, representative_ids, headcount, channel_details, status, received_at, registered_at,
                    registered_by, receiving_unit_id, current_unit_id, repeat_of, skip_level, first_time, urgent,
                    confidential, public_allowed, updated_at, next_due_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id, p.number, queryCodeEnc, p.channel.name(), p.type.name(), p.category, p.regionCode, p.title,
                        p.content, p.petitionerId, representativeIds, p.headcount, channelDetailsJson, p.status.name(),
                        ts(p.receivedAt), ts(p.registeredAt), p.registeredBy, p.receivingUnitId, p.currentUnitId,
                        p.repeatOf, p.skipLevel, p.firstTime, p.urgent, p.confidential, p.publicAllowed, ts(now),
                        nextDueDate == null ? null : java.sql.Date.valueOf(nextDueDate))
                .update();
        grantAccess(p.id, p.receivingUnitId);
        flush(p);
    }

    /** Loads for a change, locking the row so concurrent steps on one petition run one after another. */
    Optional<Petition> loadForUpdate(String number) {
        return jdbc.sql("SELECT * FROM petition.petition WHERE number = ? FOR UPDATE").param(number)
                .query(PetitionStore::map).optional();
    }

    Optional<Petition> loadForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM petition.petition WHERE id = ? FOR UPDATE").param(id)
                .query(PetitionStore::map).optional();
    }

    void save(Petition p, Instant now) {
        int updated = jdbc.sql("""
                UPDATE petition.petition SET status = ?, current_unit_id = ?, routed_by_unit_id = ?, route_mode = ?,
                    repeat_count = ?, confidential = ?, simplified = ?, extended_days = ?, pending_kind = ?,
                    pending_payload = ?, pending_by = ?, decline_ground = ?, outcome = ?, reply_text = ?, replied_at = ?,
                    reply_unit_id = ?, delivered_at = ?, delivery_method = ?, review_stage = ?, review_unit_id = ?,
                    review_reason = ?, review_requested_at = ?, review_outcome = ?, review_text = ?, review_answered_at = ?,
                    rating = ?, rating_comment = ?, rated_at = ?, closed_at = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(p.status.name(), p.currentUnitId, p.routedByUnitId, name(p.routeMode), p.repeatCount,
                        p.confidential, p.simplified, p.extendedDays, name(p.pendingKind), p.pendingPayload,
                        p.pendingBy, name(p.declineGround), name(p.outcome), p.replyText, ts(p.repliedAt), p.replyUnitId,
                        ts(p.deliveredAt), p.deliveryMethod, p.reviewStage, p.reviewUnitId, p.reviewReason,
                        ts(p.reviewRequestedAt), name(p.reviewOutcome), p.reviewText, ts(p.reviewAnsweredAt),
                        name(p.rating), p.ratingComment, ts(p.ratedAt), ts(p.closedAt), ts(now), p.id, p.version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("petition " + p.number + " changed concurrently");
        }
        p.version++;
        flush(p);
    }

    private void flush(Petition p) {
        for (Petition.TimelineEntry e : p.newTimeline) {
            jdbc.sql("INSERT INTO petition.timeline (petition_id, at, event, actor, unit_id, note, public) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(p.id, ts(e.at()), e.event(), e.actor(), e.unitId(), e.note(), e.isPublic()).update();
        }
        p.newTimeline.clear();
        for (Long unit : p.newAccess) {
            grantAccess(p.id, unit);
        }
        p.newAccess.clear();
    }

    void grantAccess(UUID petitionId, long unitId) {
        jdbc.sql("INSERT INTO petition.access (petition_id, unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(petitionId, unitId).update();
    }

    static Petition map(ResultSet rs, int row) throws SQLException {
        Petition p = new Petition();
        p.id = rs.getObject("id", UUID.class);
        p.number = rs.getString("number");
        p.channel = Channel.valueOf(rs.getString("channel"));
        p.type = PetitionType.valueOf(rs.getString("type"));
        p.category = rs.getString("category");
        p.regionCode = rs.getString("region_code");
        p.title = rs.getString("title");
        p.content = rs.getString("content");
        p.petitionerId = rs.getObject("petitioner_id", UUID.class);
        p.headcount = rs.getInt("headcount");
        p.receivedAt = instant(rs, "received_at");
        p.registeredAt = instant(rs, "registered_at");
        p.registeredBy = rs.getString("registered_by");
        p.receivingUnitId = rs.getLong("receiving_unit_id");
        p.publicAllowed = rs.getBoolean("public_allowed");
        p.repeatOf = rs.getObject("repeat_of", UUID.class);
        p.repeatCount = rs.getInt("repeat_count");
        p.skipLevel = rs.getBoolean("skip_level");
        p.firstTime = rs.getBoolean("first_time");
        p.urgent = rs.getBoolean("urgent");
        p.confidential = rs.getBoolean("confidential");
        p.simplified = rs.getBoolean("simplified");
        p.status = PetitionStatus.valueOf(rs.getString("status"));
        p.currentUnitId = rs.getLong("current_unit_id");
        p.routedByUnitId = longOrNull(rs, "routed_by_unit_id");
        p.routeMode = enumOrNull(RouteMode.class, rs.getString("route_mode"));
        p.extendedDays = rs.getInt("extended_days");
        p.pendingKind = enumOrNull(Petition.PendingKind.class, rs.getString("pending_kind"));
        p.pendingPayload = rs.getString("pending_payload");
        p.pendingBy = rs.getString("pending_by");
        p.declineGround = enumOrNull(DeclineGround.class, rs.getString("decline_ground"));
        p.outcome = enumOrNull(Outcome.class, rs.getString("outcome"));
        p.replyText = rs.getString("reply_text");
        p.repliedAt = instant(rs, "replied_at");
        p.replyUnitId = longOrNull(rs, "reply_unit_id");
        p.deliveredAt = instant(rs, "delivered_at");
        p.deliveryMethod = rs.getString("delivery_method");
        p.reviewStage = rs.getInt("review_stage");
        p.reviewUnitId = longOrNull(rs, "review_unit_id");
        p.reviewReason = rs.getString("review_reason");
        p.reviewRequestedAt = instant(rs, "review_requested_at");
        p.reviewOutcome = enumOrNull(ReviewOutcome.class, rs.getString("review_outcome"));
        p.reviewText = rs.getString("review_text");
        p.reviewAnsweredAt = instant(rs, "review_answered_at");
        p.rating = enumOrNull(Rating.class, rs.getString("rating"));
        p.ratingComment = rs.getString("rating_comment");
        p.ratedAt = instant(rs, "rated_at");
        p.closedAt = instant(rs, "closed_at");
        p.version = rs.getInt("version");
        return p;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
