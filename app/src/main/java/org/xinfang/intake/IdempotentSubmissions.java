package org.xinfang.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.shared.RuleViolationException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key handling inside the registering transaction: the first request with a key claims it
 * (a unique row), concurrent twins wait on that row and then read the answer it stored; a retry with
 * the same key and body gets the same receipt, one with another body is refused. The stored receipt is
 * encrypted because it contains the 查询码.
 */
@Component
class IdempotentSubmissions {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentSubmissions(JdbcClient jdbc, PersonalDataCipher cipher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** Must run inside the transaction that registers the petition. */
    Registration.Submitted submit(String key, String requestBody, Supplier<PetitionLifecycle.Receipt> register) {
        if (key == null) {
            return new Registration.Submitted(register.get(), true);
        }
        byte[] hash = sha256(requestBody);
        int claimed = jdbc.sql("INSERT INTO intake.idempotency (key, request_hash, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (key) DO NOTHING")
                .params(key, hash, Timestamp.from(clock.instant())).update();
        if (claimed == 1) {
            PetitionLifecycle.Receipt receipt = register.get();
            jdbc.sql("UPDATE intake.idempotency SET petition_id = ?, response = ? WHERE key = ?")
                    .params(receipt.id(), java.util.Base64.getEncoder().encodeToString(
                            cipher.encrypt(json.writeValueAsString(receipt), Field.OTHER)), key)
                    .update();
            return new Registration.Submitted(receipt, true);
        }
        record Stored(byte[] hash, String response) {
        }
        Stored stored = jdbc.sql("SELECT request_hash, response FROM intake.idempotency WHERE key = ?").param(key)
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2))).single();
        if (!MessageDigest.isEqual(stored.hash(), hash) || stored.response() == null) {
            throw new RuleViolationException("rule.idempotency.otherRequest");
        }
        String plain = cipher.decrypt(java.util.Base64.getDecoder().decode(stored.response()), Field.OTHER);
        return new Registration.Submitted(json.readValue(plain, PetitionLifecycle.Receipt.class), false);
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
