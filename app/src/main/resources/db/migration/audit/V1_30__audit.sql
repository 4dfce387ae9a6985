-- Append-only audit log, hash-chained with SM3: hash = SM3(prev_hash || canonical entry).
-- chain_head keeps the last link so that deleting the newest entries is detected too.
CREATE SCHEMA audit;

CREATE TABLE audit.entry (
    seq         BIGINT      PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    object_type TEXT        NOT NULL,
    object_id   TEXT        NOT NULL,
    detail      TEXT        NOT NULL DEFAULT '',
    client_ip   TEXT        NOT NULL DEFAULT '',
    prev_hash   BYTEA       NOT NULL,
    hash        BYTEA       NOT NULL
);
CREATE INDEX audit_entry_object_idx ON audit.entry (object_type, object_id, seq);
CREATE INDEX audit_entry_actor_idx ON audit.entry (actor, at);

CREATE TABLE audit.chain_head (
    id        INT    PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT NOT NULL,
    last_hash BYTEA  NOT NULL
);
INSERT INTO audit.chain_head (id, last_seq, last_hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');
