package org.xinfang.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.intake.Attachment;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Forms between their check and their confirmation, and receipts for a short while after. The form
 * (name, ID card number, phone …) is sealed with SM4-GCM like every other personal data; a draft
 * that is never confirmed is deleted after a day, a receipt after two hours.
 */
@Component
class Drafts {

    static final Duration DRAFT_LIFETIME = Duration.ofHours(24);
    static final Duration RECEIPT_LIFETIME = Duration.ofHours(2);

    /** A stored, unconfirmed form and the files handed in with it. */
    record Draft(UUID key, SubmissionForm form, List<FileInfo> files, boolean submitted) {
    }

    /** A file as the form lists it; {@code sizeLabel} like "36 KB" or "1.4 MB". */
    record FileInfo(int position, String name, int size, String sizeLabel) {

        FileInfo(int position, String name, int size) {
            this(position, name, size, size < 1024 ? "1 KB" : size < 1024 * 1024 ? (size + 1023) / 1024 + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024)));
        }
    }

    /** What the receipt page shows. */
    record Receipt(String number, String queryCode, OffsetDateTime receivedAt, String phoneMasked, boolean smsSent) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    Drafts(JdbcClient jdbc, PersonalDataCipher cipher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the checked form; {@code files} replace the earlier ones, or null keeps them. A draft
     * already submitted is left alone.
     */
    void save(UUID key, SubmissionForm form, List<Attachment> files) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM portal.draft WHERE expires_at < ?").param(Timestamp.from(now)).update();
        byte[] sealed = cipher.encrypt(json.writeValueAsString(form), Field.OTHER);
        int changed = jdbc.sql("""
                INSERT INTO portal.draft (form_key, payload, created_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (form_key) DO UPDATE SET payload = EXCLUDED.payload, expires_at = EXCLUDED.expires_at
                WHERE portal.draft.submitted_at IS NULL""")
                .params(key, sealed, Timestamp.from(now), Timestamp.from(now.plus(DRAFT_LIFETIME))).update();
        if (changed == 0 || files == null) {
            return;
        }
        jdbc.sql("DELETE FROM portal.draft_attachment WHERE form_key = ?").param(key).update();
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            jdbc.sql("INSERT INTO portal.draft_attachment (form_key, position, name, declared_type, data) VALUES (?, ?, ?, ?, ?)")
                    .params(key, i, a.name() == null ? "" : a.name(), a.declaredType(), a.data()).update();
        }
    }

    Optional<Draft> find(UUID key) {
        return load(key, false);
    }

    /** The draft, locked until the transaction ends, so two confirmations of one form run one after the other. */
    Optional<Draft> lock(UUID key) {
        return load(key, true);
    }

    List<Attachment> files(UUID key) {
        return jdbc.sql("SELECT name, declared_type, data FROM portal.draft_attachment WHERE form_key = ? ORDER BY position")
                .param(key).query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    /** Erases the form and its files, keeping only the sealed receipt for a short while. */
    void submitted(UUID key, Receipt receipt) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM portal.draft_attachment WHERE form_key = ?").param(key).update();
        jdbc.sql("UPDATE portal.draft SET payload = NULL, receipt = ?, submitted_at = ?, expires_at = ? WHERE form_key = ?")
                .params(cipher.encrypt(json.writeValueAsString(receipt), Field.OTHER), Timestamp.from(now),
                        Timestamp.from(now.plus(RECEIPT_LIFETIME)), key)
                .update();
    }

    Optional<Receipt> receipt(UUID key) {
        return jdbc.sql("SELECT receipt FROM portal.draft WHERE form_key = ? AND receipt IS NOT NULL AND expires_at > ?")
                .params(key, Timestamp.from(clock.instant())).query(byte[].class).optional()
                .map(sealed -> json.readValue(cipher.decrypt(sealed, Field.OTHER), Receipt.class));
    }

    private Optional<Draft> load(UUID key, boolean forUpdate) {
        record Row(byte[] payload, boolean submitted) {
        }
        Optional<Row> row = jdbc.sql("SELECT payload, submitted_at IS NOT NULL FROM portal.draft WHERE form_key = ? AND expires_at > ?"
                + (forUpdate ? " FOR UPDATE" : ""))
                .params(key, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getBoolean(2))).optional();
        return row.map(r -> new Draft(key,
                r.payload() == null ? null : json.readValue(cipher.decrypt(r.payload(), Field.OTHER), SubmissionForm.class),
                jdbc.sql("SELECT position, name, length(data) FROM portal.draft_attachment WHERE form_key = ? ORDER BY position")
                        .param(key).query((rs, n) -> new FileInfo(rs.getInt(1), rs.getString(2), rs.getInt(3))).list(),
                r.submitted()));
    }
}
