package org.xinfang.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Opaque API tokens: 256 random bits handed to the client once; only their SHA-256 digest is stored,
 * so a database dump cannot be replayed. Any node can check any token, and revocation is a delete.
 */
@Service
class BearerTokens {

    record Issued(String token, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    BearerTokens(JdbcClient jdbc, Clock clock, @Value("${xinfang.security.token-ttl}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    Issued issue(StaffUser user, String clientIp) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        jdbc.sql("INSERT INTO organization.api_token (token_hash, user_id, issued_at, expires_at, client_ip) VALUES (?, ?, ?, ?, ?)")
                .params(digest(token), user.id(), Timestamp.from(now), Timestamp.from(expires), clientIp).update();
        return new Issued(token, expires);
    }

    /** The account behind a valid, unexpired token of an enabled, unlocked user. */
    Optional<StaffPrincipal> resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql(StaffAccounts.SELECT + """
                 JOIN organization.api_token t ON t.user_id = u.id
                 WHERE t.token_hash = ? AND t.expires_at > ?""")
                .params(digest(token), Timestamp.from(now))
                .query((rs, n) -> StaffAccounts.principal(rs, now)).optional()
                .filter(p -> p.isEnabled() && p.isAccountNonLocked());
    }

    void revoke(String token) {
        jdbc.sql("DELETE FROM organization.api_token WHERE token_hash = ?").param(digest(token)).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("DELETE FROM organization.api_token WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
