package org.xinfang.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The document schema: template versions, 文号 counters, issued documents and their files. */
@Repository
class DocumentStore {

    /** A stored document with what it needs for listing and access checks. */
    record Issued(UUID id, UUID petitionId, String petitionNumber, DocumentKind kind, String docNumber, String title,
            long issuingUnitId, int templateVersion, Instant createdAt, String createdBy, long pdfBytes,
            long docxBytes) {
    }

    record StoredFile(DocumentFormat format, String mediaType, byte[] content) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> BLOCKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DocumentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ------------------------------------------------------------------ templates

    /** The newest version of the unit's own template, else of the default. */
    Template effectiveTemplate(DocumentKind kind, Long unitId) {
        if (unitId != null) {
            Optional<Template> own = currentTemplate(kind, unitId);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return currentTemplate(kind, null).orElseThrow(() -> new IllegalStateException("no default template " + kind));
    }

    Optional<Template> currentTemplate(DocumentKind kind, Long unitId) {
        return jdbc.sql("SELECT * FROM document.template WHERE kind = ? AND coalesce(unit_id, 0) = ? "
                + "ORDER BY version DESC LIMIT 1")
                .params(kind.name(), unitId == null ? 0L : unitId).query(this::template).optional();
    }

    List<Template> versions(DocumentKind kind, Long unitId) {
        return jdbc.sql("SELECT * FROM document.template WHERE kind = ? AND coalesce(unit_id, 0) = ? ORDER BY version DESC")
                .params(kind.name(), unitId == null ? 0L : unitId).query(this::template).list();
    }

    /** The current version of every (kind, unit) pair. */
    List<Template> allCurrent() {
        return jdbc.sql("""
                SELECT DISTINCT ON (kind, coalesce(unit_id, 0)) * FROM document.template
                ORDER BY kind, coalesce(unit_id, 0), version DESC""").query(this::template).list();
    }

    /** Saves a new version after the newest of its (kind, unit); the version number is assigned here. */
    Template addVersion(Template t) {
        // The unique index on (kind, unit, version) makes a concurrent save of the same template fail
        // instead of silently producing two "version n".
        int next = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM document.template WHERE kind = ? AND coalesce(unit_id, 0) = ?")
                .params(t.kind().name(), t.unitId() == null ? 0L : t.unitId()).query(Integer.class).single();
        long id = jdbc.sql("""
                INSERT INTO document.template (kind, unit_id, version, organ_name, doc_code, title, blocks, seal_png,
                                               created_by, created_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) RETURNING id""")
                .params(t.kind().name(), t.unitId(), next, t.organName(), t.docCode(), t.title(),
                        json.writeValueAsString(t.blocks()), t.seal(), t.createdBy(), Timestamp.from(t.createdAt()),
                        t.note() == null ? "" : t.note())
                .query(Long.class).single();
        return new Template(id, t.kind(), t.unitId(), next, t.organName(), t.docCode(), t.title(), t.blocks(), t.seal(),
                t.createdBy(), t.createdAt(), t.note());
    }

    private Template template(ResultSet rs, int n) throws SQLException {
        long unit = rs.getLong("unit_id");
        return new Template(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")), rs.wasNull() ? null : unit,
                rs.getInt("version"), rs.getString("organ_name"), rs.getString("doc_code"), rs.getString("title"),
                json.readValue(rs.getString("blocks"), BLOCKS), rs.getBytes("seal_png"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("note"));
    }

    // ------------------------------------------------------------------ numbers

    /** The next number of a 文号 prefix (机关代字 + kind + year), safe across nodes. */
    int nextNumber(String prefix) {
        return jdbc.sql("""
                INSERT INTO document.number_counter (prefix, last) VALUES (?, 1)
                ON CONFLICT (prefix) DO UPDATE SET last = document.number_counter.last + 1
                RETURNING last""").param(prefix).query(Integer.class).single();
    }

    // ------------------------------------------------------------------ issued documents

    Optional<UUID> byTrigger(String triggerKey) {
        return jdbc.sql("SELECT id FROM document.issued WHERE trigger_key = ?").param(triggerKey).query(UUID.class).optional();
    }

    /**
     * Records an issued document with its files, or — {@code files} empty — with its composed content
     * {@code contentEnc} to render later (see {@link DocumentFiles}).
     */
    void insert(UUID id, UUID petitionId, String petitionNumber, DocumentKind kind, String docNumber, String title,
            long issuingUnitId, Template template, String triggerKey, Instant at, String by,
            Map<DocumentFormat, byte[]> files, byte[] contentEnc) {
        jdbc.sql("""
                INSERT INTO document.issued (id, petition_id, petition_number, kind, doc_number, title, issuing_unit_id,
                                             template_id, template_version, trigger_key, created_at, created_by,
                                             content_enc, rendered)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, petitionId, petitionNumber, kind.name(), docNumber, title, issuingUnitId, template.id(),
                        template.version(), triggerKey, Timestamp.from(at), by, contentEnc, !files.isEmpty())
                .update();
        insertFiles(id, files);
    }

    private void insertFiles(UUID id, Map<DocumentFormat, byte[]> files) {
        files.forEach((format, bytes) -> jdbc.sql("""
                INSERT INTO document.file (document_id, format, media_type, byte_size, sha256, content)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, format) DO NOTHING""")
                .params(id, format.name(), format.mediaType(), bytes.length, sha256(bytes), bytes).update());
    }

    /** A document issued without its files: its frozen content and the template version it came from. */
    record Unrendered(UUID documentId, long templateId, byte[] contentEnc) {

        static Unrendered map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new Unrendered(rs.getObject(1, UUID.class), rs.getLong(2), rs.getBytes(3));
        }
    }

    Optional<Unrendered> unrendered(UUID documentId) {
        return jdbc.sql("SELECT id, template_id, content_enc FROM document.issued WHERE id = ? AND NOT rendered")
                .param(documentId)
                .query(Unrendered::map).optional();
    }

    /** The oldest document still to render, locked; one being rendered elsewhere is skipped. Needs a transaction. */
    Optional<Unrendered> nextUnrendered() {
        return jdbc.sql("""
                SELECT id, template_id, content_enc FROM document.issued WHERE NOT rendered
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .query(Unrendered::map).optional();
    }

    /** Stores the files rendered later (once: files already there are kept) and marks the document rendered. */
    void storeFiles(UUID documentId, Map<DocumentFormat, byte[]> files) {
        insertFiles(documentId, files);
        jdbc.sql("UPDATE document.issued SET rendered = TRUE WHERE id = ? AND NOT rendered").param(documentId).update();
    }

    /** The seal of one template version (versions are never changed), or null. */
    byte[] templateSeal(long templateId) {
        return jdbc.sql("SELECT seal_png FROM document.template WHERE id = ?").param(templateId)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    List<Issued> ofPetition(UUID petitionId) {
        return jdbc.sql(SELECT_ISSUED + " WHERE i.petition_id = ? ORDER BY i.created_at, i.doc_number").param(petitionId)
                .query(DocumentStore::issued).list();
    }

    Optional<Issued> find(UUID id) {
        return jdbc.sql(SELECT_ISSUED + " WHERE i.id = ?").param(id).query(DocumentStore::issued).optional();
    }

    Optional<StoredFile> file(UUID documentId, DocumentFormat format) {
        return jdbc.sql("SELECT media_type, content FROM document.file WHERE document_id = ? AND format = ?")
                .params(documentId, format.name())
                .query((rs, n) -> new StoredFile(format, rs.getString(1), rs.getBytes(2))).optional();
    }

    private static final String SELECT_ISSUED = """
            SELECT i.*, (SELECT byte_size FROM document.file f WHERE f.document_id = i.id AND f.format = 'PDF') AS pdf_bytes,
                   (SELECT byte_size FROM document.file f WHERE f.document_id = i.id AND f.format = 'DOCX') AS docx_bytes
            FROM document.issued i""";

    private static Issued issued(ResultSet rs, int n) throws SQLException {
        return new Issued(rs.getObject("id", UUID.class), rs.getObject("petition_id", UUID.class),
                rs.getString("petition_number"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("doc_number"),
                rs.getString("title"), rs.getLong("issuing_unit_id"), rs.getInt("template_version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getLong("pdf_bytes"),
                rs.getLong("docx_bytes"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
