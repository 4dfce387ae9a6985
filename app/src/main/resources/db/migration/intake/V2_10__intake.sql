-- Idempotent intake: a client's Idempotency-Key maps to the one answer it was given, forever.
CREATE SCHEMA intake;

CREATE TABLE intake.idempotency (
    key          TEXT        PRIMARY KEY,
    request_hash BYTEA       NOT NULL,
    petition_id  UUID,
    response     TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
