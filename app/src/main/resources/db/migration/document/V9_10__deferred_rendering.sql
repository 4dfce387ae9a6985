-- A document may be issued before its files are rendered: the registration form is recorded when the
-- petition is registered (issued row, template version, content composed at that moment) and its PDF and
-- DOCX are rendered later, on the first download or by the background renderer, from exactly that
-- content. content_enc holds the composed document (JSON, sealed with the personal-data cipher: a
-- registration form names the petitioner); rendered is false until both files are stored.
ALTER TABLE document.issued ADD COLUMN content_enc BYTEA;
ALTER TABLE document.issued ADD COLUMN rendered BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX issued_unrendered_idx ON document.issued (created_at) WHERE NOT rendered;
