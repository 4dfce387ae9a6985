package org.xinfang.portal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 验证问题: a small sum in words ("12 加 7 等于多少？") asked after repeated failures. It needs no
 * third-party service, no image and no script, works with a screen reader and on every phone. It does
 * not stop a determined program — the hard limits of {@link Throttle} do that — but it stops casual
 * scripted probing and slows everything else. Each challenge is stored in PostgreSQL (any node can
 * check it), answered once and valid for 10 minutes.
 */
@Component
class Challenges {

    /** A question to show; {@code a + b} is the answer. */
    record Challenge(UUID id, int a, int b) {
    }

    static final Duration VALID_FOR = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Throttle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Challenges(JdbcClient jdbc, Throttle throttle, Clock clock) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * A new question for {@code address}, unless it asked for too many already: questions are rows,
     * and reloading a page must not fill the table.
     */
    java.util.Optional<Challenge> createFor(String address) {
        if (throttle.verdict(address, Throttle.Action.CHALLENGE) == Throttle.Verdict.BLOCK) {
            return java.util.Optional.empty();
        }
        throttle.record(address, Throttle.Action.CHALLENGE);
        return java.util.Optional.of(create());
    }

    private Challenge create() {
        Challenge c = new Challenge(UUID.randomUUID(), 2 + random.nextInt(19), 1 + random.nextInt(9));
        jdbc.sql("INSERT INTO portal.challenge (id, a, b, expires_at) VALUES (?, ?, ?, ?)")
                .params(c.id(), c.a(), c.b(), Timestamp.from(clock.instant().plus(VALID_FOR))).update();
        return c;
    }

    /** Whether {@code answer} solves the challenge; the challenge is used up either way. */
    boolean solve(String id, String answer) {
        if (id == null || answer == null) {
            return false;
        }
        UUID uuid;
        int given;
        try {
            uuid = UUID.fromString(id.strip());
            given = Integer.parseInt(java.text.Normalizer.normalize(answer, java.text.Normalizer.Form.NFKC).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Instant now = clock.instant();
        java.util.List<Integer> expected = jdbc.sql("DELETE FROM portal.challenge WHERE id = ? "
                + "RETURNING CASE WHEN expires_at > ? THEN a + b ELSE -1 END")
                .params(uuid, Timestamp.from(now)).query(Integer.class).list();
        return expected.size() == 1 && expected.get(0) >= 0 && expected.get(0) == given;
    }
}
