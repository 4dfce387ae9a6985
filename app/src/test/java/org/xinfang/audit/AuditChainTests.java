package org.xinfang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.xinfang.support.XinfangTest;

/**
 * The audit log is a hash chain: any edited, removed or inserted entry is found by the verification.
 * Each test tampers with the log, so the context (and its database) is discarded afterwards.
 */
@XinfangTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditChainTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void writeSomeHistory() {
        for (int i = 1; i <= 5; i++) {
            audit.record("petition.read", "petition", "990100-20261122-00000" + i, "detail view " + i);
        }
    }

    @Test
    void an_untouched_log_verifies() {
        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isGreaterThanOrEqualTo(5);
        assertThat(result.brokenAt()).isNull();
    }

    @Test
    void an_edited_entry_is_detected() {
        long seq = seqOf("detail view 3");
        jdbc.sql("UPDATE audit.entry SET actor = 'someone-else' WHERE seq = ?").param(seq).update();
        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(seq);
    }

    @Test
    void a_deleted_entry_is_detected() {
        long seq = seqOf("detail view 2");
        jdbc.sql("DELETE FROM audit.entry WHERE seq = ?").param(seq).update();
        assertThat(verification.verify().valid()).isFalse();
        assertThat(verification.verify().brokenAt()).isEqualTo(seq);
    }

    @Test
    void removing_the_newest_entries_is_detected() {
        long seq = seqOf("detail view 5");
        jdbc.sql("DELETE FROM audit.entry WHERE seq >= ?").param(seq).update();
        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("removed");
    }

    @Test
    void an_entry_rewritten_with_a_recomputed_plain_hash_still_fails_its_successor() {
        long seq = seqOf("detail view 1");
        // an attacker who edits an entry and recomputes its own hash breaks the next link instead
        AuditLog.Entry forged = jdbc.sql("SELECT seq, at, actor, action, object_type, object_id, detail, client_ip, prev_hash "
                + "FROM audit.entry WHERE seq = ?").param(seq)
                .query((rs, n) -> new AuditLog.Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), "nothing to see", rs.getString(8),
                        rs.getBytes(9)))
                .single();
        jdbc.sql("UPDATE audit.entry SET detail = ?, hash = ? WHERE seq = ?")
                .params(forged.detail(), AuditLog.hash(forged), seq).update();
        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(seq + 1);
    }

    private long seqOf(String detail) {
        return jdbc.sql("SELECT max(seq) FROM audit.entry WHERE detail = ?").param(detail).query(Long.class).single();
    }
}
