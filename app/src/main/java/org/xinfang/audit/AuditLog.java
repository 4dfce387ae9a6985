package org.xinfang.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit entry commit or
 * vanish together. The signed-in user and the client address are taken from the request; outside a
 * request the actor is {@code system}.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records one action on one object.
     *
     * @param action     what happened, e.g. {@code petition.read}, {@code petition.routed}
     * @param objectType e.g. {@code petition}
     * @param objectId   e.g. the 信访件编号
     * @param detail     a short description; never plaintext personal data
     */
    @Transactional
    public void record(String action, String objectType, String objectId, String detail) {
        append(new Entry(0, clock.instant().truncatedTo(ChronoUnit.MICROS), actor(), action, objectType, objectId,
                detail == null ? "" : detail, clientIp(), null));
    }

    private void append(Entry entry) {
        // The single head row serialises appenders across all nodes; the lock is held only to commit.
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).single();
        long seq = head.lastSeq() + 1;
        Entry sealed = new Entry(seq, entry.at(), entry.actor(), entry.action(), entry.objectType(), entry.objectId(),
                entry.detail(), entry.clientIp(), head.lastHash());
        byte[] hash = hash(sealed);
        jdbc.sql("""
                INSERT INTO audit.entry (seq, at, actor, action, object_type, object_id, detail, client_ip, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(sealed.at()), sealed.actor(), sealed.action(), sealed.objectType(),
                        sealed.objectId(), sealed.detail(), sealed.clientIp(), head.lastHash(), hash)
                .update();
        jdbc.sql("UPDATE audit.chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
    }

    record Head(long lastSeq, byte[] lastHash) {
    }

    /** One entry as hashed: every stored column except the hash itself. */
    record Entry(long seq, Instant at, String actor, String action, String objectType, String objectId, String detail,
            String clientIp, byte[] prevHash) {
    }

    static byte[] hash(Entry e) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(e.prevHash(), 0, e.prevHash().length);
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, e.at());
        String canonical = String.join("\u001f", Long.toString(e.seq()), Long.toString(micros), e.actor(), e.action(),
                e.objectType(), e.objectId(), e.detail(), e.clientIp());
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return RequestContextHolder.getRequestAttributes() == null ? "system" : "public";
        }
        return auth instanceof AnonymousAuthenticationToken ? "public" : auth.getName();
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "";
    }
}
