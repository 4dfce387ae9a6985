package org.xinfang.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;

/**
 * Per-address limits on the public side, counted in PostgreSQL so that they hold however many nodes
 * serve the portal. Each {@link Action} has a soft limit after which a {@link Challenges challenge}
 * must be answered and a hard limit after which the address is refused until its count in the last
 * hour falls. Counts live in 10-minute buckets; the window is the last hour.
 * <p>
 * The limits are set for people, not for machines: a family or an office behind one address submits a
 * handful of petitions an hour, and someone who mistyped a query code tries again a few times. Many
 * people may share a carrier-grade NAT address, so the hard limits are generous and only failures
 * count for tracking. Addresses listed in {@code xinfang.portal.limits.trusted-addresses} (a service
 * hall's kiosks, a 12345 hotline system calling the public API) are not limited.
 * <p>
 * The address is stored only as a keyed hash and only for two hours: enough to stop abuse, useless for
 * following a person.
 */
@Component
class Throttle {

    /** What is counted. */
    enum Action {
        /** A petition submitted (portal confirmation or public API). */
        SUBMIT,
        /** A "next: check" step of the portal form: cheap to repeat, so only a hard limit. */
        DRAFT,
        /** A wrong number or query code (tracking, rating, review request). */
        TRACK_FAILURE,
        /** A challenge asked for through the API. */
        CHALLENGE
    }

    /** What the address may do now. */
    enum Verdict {
        ALLOW, CHALLENGE, BLOCK
    }

    static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration BUCKET = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Set<String> trusted;
    private final int submitChallengeAfter;
    private final int submitBlockAfter;
    private final int trackChallengeAfter;
    private final int trackBlockAfter;
    private final int draftBlockAfter;

    Throttle(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock,
            @Value("${xinfang.portal.limits.trusted-addresses:}") Set<String> trusted,
            @Value("${xinfang.portal.limits.submit-challenge-after:5}") int submitChallengeAfter,
            @Value("${xinfang.portal.limits.submit-block-after:20}") int submitBlockAfter,
            @Value("${xinfang.portal.limits.track-challenge-after:5}") int trackChallengeAfter,
            @Value("${xinfang.portal.limits.track-block-after:30}") int trackBlockAfter,
            @Value("${xinfang.portal.limits.draft-block-after:60}") int draftBlockAfter) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.trusted = trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toSet());
        this.submitChallengeAfter = submitChallengeAfter;
        this.submitBlockAfter = submitBlockAfter;
        this.trackChallengeAfter = trackChallengeAfter;
        this.trackBlockAfter = trackBlockAfter;
        this.draftBlockAfter = draftBlockAfter;
    }

    /** What {@code address} may do now for {@code action}. */
    Verdict verdict(String address, Action action) {
        if (trusted.contains(address)) {
            return Verdict.ALLOW;
        }
        int n = count(address, action);
        if (n >= blockAfter(action)) {
            return Verdict.BLOCK;
        }
        return n >= challengeAfter(action) ? Verdict.CHALLENGE : Verdict.ALLOW;
    }

    /** Counts one more {@code action} from {@code address}. */
    void record(String address, Action action) {
        if (trusted.contains(address)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO portal.rate_counter (address_hash, action, bucket, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (address_hash, action, bucket) DO UPDATE SET count = portal.rate_counter.count + 1""")
                .params(hash(address), action.name(), Timestamp.from(bucket(now))).update();
        if (ThreadLocalRandom.current().nextInt(200) == 0) {
            // now and then, not on every request: old buckets and answered or expired challenges go
            jdbc.sql("DELETE FROM portal.rate_counter WHERE bucket < ?")
                    .param(Timestamp.from(now.minus(WINDOW.multipliedBy(2)))).update();
            jdbc.sql("DELETE FROM portal.challenge WHERE expires_at < ?").param(Timestamp.from(now)).update();
        }
    }

    /** When a blocked address may try again: once its oldest bucket in the window has left it. */
    Instant retryAt(String address, Action action) {
        Instant now = clock.instant();
        Timestamp oldest = jdbc.sql("SELECT min(bucket) FROM portal.rate_counter WHERE address_hash = ? AND action = ? "
                + "AND bucket > ?")
                .params(hash(address), action.name(), Timestamp.from(now.minus(WINDOW)))
                .query(Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Instant at = oldest == null ? now : oldest.toInstant().plus(WINDOW).plus(BUCKET);
        return at.isBefore(now) ? now.plus(BUCKET) : at;
    }

    /** How long until {@link #retryAt}. */
    Duration retryAfter(String address, Action action) {
        return Duration.between(clock.instant(), retryAt(address, action));
    }

    private int count(String address, Action action) {
        return jdbc.sql("SELECT coalesce(sum(count), 0) FROM portal.rate_counter WHERE address_hash = ? AND action = ? "
                + "AND bucket > ?")
                .params(hash(address), action.name(), Timestamp.from(clock.instant().minus(WINDOW)))
                .query(Integer.class).single();
    }

    private int challengeAfter(Action action) {
        return switch (action) {
            case SUBMIT -> submitChallengeAfter;
            case TRACK_FAILURE -> trackChallengeAfter;
            case DRAFT, CHALLENGE -> Integer.MAX_VALUE;
        };
    }

    private int blockAfter(Action action) {
        return switch (action) {
            case SUBMIT -> submitBlockAfter;
            case TRACK_FAILURE -> trackBlockAfter;
            case DRAFT -> draftBlockAfter;
            case CHALLENGE -> 4 * trackBlockAfter;
        };
    }

    private byte[] hash(String address) {
        return cipher.blindIndex("portal-address:" + address, Field.OTHER);
    }

    private static Instant bucket(Instant at) {
        long minutes = at.truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        return Instant.ofEpochSecond((minutes - minutes % BUCKET.toMinutes()) * 60);
    }
}
