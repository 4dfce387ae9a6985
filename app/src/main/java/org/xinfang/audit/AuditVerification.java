package org.xinfang.audit;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain and recomputes every hash: an edited entry fails its own hash, an inserted or
 * deleted one breaks the sequence or the link to its predecessor, and deleting the newest entries
 * disagrees with the recorded chain head.
 */
@Service
public class AuditVerification {

    /** The outcome: {@code brokenAt} is the first sequence number that does not check out. */
    public record Result(boolean valid, long checked, Long brokenAt, String reason) {
    }

    private final JdbcClient jdbc;

    AuditVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Result verify() {
        AtomicReference<Result> failure = new AtomicReference<>();
        long[] expectedSeq = { 1 };
        byte[][] previous = { new byte[32] };
        jdbc.sql("SELECT seq, at, actor, action, object_type, object_id, detail, client_ip, prev_hash, hash "
                + "FROM audit.entry ORDER BY seq").query(rs -> {
                    if (failure.get() != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    AuditLog.Entry entry = new AuditLog.Entry(seq, rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                            rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                            rs.getString("detail"), rs.getString("client_ip"), rs.getBytes("prev_hash"));
                    if (seq != expectedSeq[0]) {
                        failure.set(new Result(false, expectedSeq[0] - 1, expectedSeq[0], "missing entry"));
                    } else if (!MessageDigest.isEqual(entry.prevHash(), previous[0])) {
                        failure.set(new Result(false, seq - 1, seq, "broken link to the previous entry"));
                    } else if (!MessageDigest.isEqual(AuditLog.hash(entry), rs.getBytes("hash"))) {
                        failure.set(new Result(false, seq - 1, seq, "entry was altered"));
                    } else {
                        previous[0] = rs.getBytes("hash");
                        expectedSeq[0] = seq + 1;
                    }
                });
        if (failure.get() != null) {
            return failure.get();
        }
        long checked = expectedSeq[0] - 1;
        AuditLog.Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit.chain_head WHERE id = 1")
                .query((rs, n) -> new AuditLog.Head(rs.getLong(1), rs.getBytes(2))).single();
        if (head.lastSeq() != checked || !MessageDigest.isEqual(head.lastHash(), previous[0])) {
            return new Result(false, checked, checked + 1, "newest entries were removed");
        }
        return new Result(true, checked, null, "ok");
    }
}
