-- 附件: photos, scanned letters and PDFs handed in with a petition. Kept in PostgreSQL (not on a node's
-- disk) so every node serves them and one backup holds petition and attachments consistently.
-- content_type is what the content was sniffed to be, never what the sender declared.
CREATE TABLE intake.attachment (
    id           UUID        PRIMARY KEY,
    petition_id  UUID        NOT NULL REFERENCES petition.petition (id),
    position     INT         NOT NULL,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    content_type TEXT        NOT NULL CHECK (content_type IN
                             ('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf')),
    size         INT         NOT NULL CHECK (size > 0 AND size <= 10 * 1024 * 1024),
    sha256       BYTEA       NOT NULL,
    data         BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (petition_id, position)
);
-- the bytes are large and rarely read: keep them out of line, uncompressed (images and PDFs are compressed)
ALTER TABLE intake.attachment ALTER COLUMN data SET STORAGE EXTERNAL;
