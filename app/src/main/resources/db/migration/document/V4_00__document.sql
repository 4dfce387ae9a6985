-- 公文: the templates of the official documents (versioned; a new version never overwrites an old one)
-- and the documents generated from the cases, stored with the case.
CREATE SCHEMA document;

-- One row per version. unit_id NULL is the default template of a kind; a unit may have its own
-- (its letterhead name, 机关代字, seal, text blocks). The newest version of (kind, unit_id) is current.
CREATE TABLE document.template (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT        NOT NULL,
    unit_id     BIGINT,
    version     INT         NOT NULL CHECK (version >= 1),
    organ_name  TEXT,
    doc_code    TEXT,
    title       TEXT        NOT NULL,
    blocks      JSONB       NOT NULL,
    seal_png    BYTEA,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    note        TEXT        NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX template_version_idx ON document.template (kind, coalesce(unit_id, 0), version);

-- 文号 counters per prefix (机关代字 + kind + year).
CREATE TABLE document.number_counter (
    prefix TEXT PRIMARY KEY,
    last   INT  NOT NULL
);

-- A generated document. trigger_key makes generation on an event idempotent: a redelivered event
-- finds its document and does not make a second one.
CREATE TABLE document.issued (
    id                UUID        PRIMARY KEY,
    petition_id       UUID        NOT NULL,
    petition_number   TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    doc_number        TEXT,
    title             TEXT        NOT NULL,
    issuing_unit_id   BIGINT      NOT NULL,
    template_id       BIGINT      NOT NULL REFERENCES document.template (id),
    template_version  INT         NOT NULL,
    trigger_key       TEXT        NOT NULL UNIQUE,
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT        NOT NULL
);
CREATE INDEX issued_petition_idx ON document.issued (petition_id, created_at);

-- The rendered files of a document, one per format, kept in the database so every node serves them
-- and one backup holds the case with its documents.
CREATE TABLE document.file (
    document_id UUID    NOT NULL REFERENCES document.issued (id),
    format      TEXT    NOT NULL CHECK (format IN ('PDF', 'DOCX')),
    media_type  TEXT    NOT NULL,
    byte_size   INT     NOT NULL CHECK (byte_size > 0 AND byte_size <= 20971520),
    sha256      TEXT    NOT NULL,
    content     BYTEA   NOT NULL,
    PRIMARY KEY (document_id, format)
);
