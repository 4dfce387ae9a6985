-- The public portal's working tables. Nothing here is a record of the petition itself (that lives in
-- petition and intake); rows expire within hours and are deleted.
CREATE SCHEMA portal;

-- A submission between "下一步：核对信息" and "确认提交", kept in the database so any node can serve the
-- next step. payload is the form (with personal data) SM4-GCM sealed; after submission it is erased and
-- only the sealed receipt (number + query code) stays until expires_at, for the receipt page.
CREATE TABLE portal.draft (
    form_key     UUID        PRIMARY KEY,
    payload      BYTEA,
    receipt      BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX draft_expiry ON portal.draft (expires_at);

CREATE TABLE portal.draft_attachment (
    form_key      UUID  NOT NULL REFERENCES portal.draft (form_key) ON DELETE CASCADE,
    position      INT   NOT NULL,
    name          TEXT  NOT NULL,
    declared_type TEXT,
    data          BYTEA NOT NULL,
    PRIMARY KEY (form_key, position)
);

-- Per-address counters for rate limits, in 10-minute buckets, shared by all nodes. The address is kept
-- only as a keyed hash (HMAC-SM3), and rows older than two hours are deleted.
CREATE TABLE portal.rate_counter (
    address_hash BYTEA       NOT NULL,
    action       TEXT        NOT NULL,
    bucket       TIMESTAMPTZ NOT NULL,
    count        INT         NOT NULL,
    PRIMARY KEY (address_hash, action, bucket)
);
CREATE INDEX rate_counter_bucket ON portal.rate_counter (bucket);

-- A simple arithmetic question, answered once, within 10 minutes.
CREATE TABLE portal.challenge (
    id         UUID        PRIMARY KEY,
    a          INT         NOT NULL,
    b          INT         NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX challenge_expiry ON portal.challenge (expires_at);
