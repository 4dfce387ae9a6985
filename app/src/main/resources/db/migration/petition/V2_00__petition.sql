-- 信访事项: the petition aggregate, its timeline and the units that may see it.
CREATE SCHEMA petition;

CREATE TABLE petition.number_counter (
    prefix TEXT PRIMARY KEY,
    last   INT  NOT NULL
);

CREATE TABLE petition.petition (
    id                  UUID        PRIMARY KEY,
    number              TEXT        NOT NULL UNIQUE,
    query_code_enc      BYTEA       NOT NULL,
    channel             TEXT        NOT NULL CHECK (channel IN ('LETTER', 'VISIT', 'PHONE', 'ONLINE', 'WECHAT')),
    type                TEXT        NOT NULL CHECK (type IN ('SUGGESTION', 'ACCUSATION', 'APPEAL')),
    category            TEXT,
    region_code         TEXT        NOT NULL,
    title               TEXT        NOT NULL,
    content             TEXT        NOT NULL,
    petitioner_id       UUID        NOT NULL,
    representative_ids  UUID[]      NOT NULL DEFAULT '{}',
    headcount           INT         NOT NULL DEFAULT 1 CHECK (headcount >= 1),
    channel_details     JSONB       NOT NULL DEFAULT '{}',
    status              TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    registered_at       TIMESTAMPTZ NOT NULL,
    registered_by       TEXT        NOT NULL,
    receiving_unit_id   BIGINT      NOT NULL,
    current_unit_id     BIGINT      NOT NULL,
    routed_by_unit_id   BIGINT,
    route_mode          TEXT,
    repeat_of           UUID REFERENCES petition.petition (id),
    repeat_count        INT         NOT NULL DEFAULT 0,
    skip_level          BOOLEAN     NOT NULL DEFAULT FALSE,
    first_time          BOOLEAN     NOT NULL DEFAULT FALSE,
    urgent              BOOLEAN     NOT NULL DEFAULT FALSE,
    confidential        BOOLEAN     NOT NULL DEFAULT FALSE,
    simplified          BOOLEAN     NOT NULL DEFAULT FALSE,
    public_allowed      BOOLEAN     NOT NULL DEFAULT FALSE,
    extended_days       INT         NOT NULL DEFAULT 0,
    pending_kind        TEXT,
    pending_payload     TEXT,
    pending_by          TEXT,
    decline_ground      TEXT,
    outcome             TEXT,
    reply_text          TEXT,
    replied_at          TIMESTAMPTZ,
    reply_unit_id       BIGINT,
    delivered_at        TIMESTAMPTZ,
    delivery_method     TEXT,
    review_stage        INT         NOT NULL DEFAULT 0,
    review_unit_id      BIGINT,
    review_reason       TEXT,
    review_requested_at TIMESTAMPTZ,
    review_outcome      TEXT,
    review_text         TEXT,
    review_answered_at  TIMESTAMPTZ,
    rating              TEXT,
    rating_comment      TEXT,
    rated_at            TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    version             INT         NOT NULL DEFAULT 0,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX petition_status_idx ON petition.petition (status, received_at DESC);
CREATE INDEX petition_current_unit_idx ON petition.petition (current_unit_id, status);
CREATE INDEX petition_petitioner_idx ON petition.petition (petitioner_id, received_at DESC);
CREATE INDEX petition_received_idx ON petition.petition (received_at DESC);
CREATE INDEX petition_title_trgm_idx ON petition.petition USING gin (title gin_trgm_ops);

-- Which units may see a petition: the receiving unit, every unit it was routed to, the review organs.
-- A confidential (检举控告) petition is visible only to users of these exact units.
CREATE TABLE petition.access (
    petition_id UUID   NOT NULL REFERENCES petition.petition (id),
    unit_id     BIGINT NOT NULL,
    PRIMARY KEY (petition_id, unit_id)
);
CREATE INDEX access_unit_idx ON petition.access (unit_id, petition_id);

CREATE TABLE petition.timeline (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id UUID        NOT NULL REFERENCES petition.petition (id),
    at          TIMESTAMPTZ NOT NULL,
    event       TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    unit_id     BIGINT,
    note        TEXT        NOT NULL DEFAULT '',
    public      BOOLEAN     NOT NULL DEFAULT TRUE
);
CREATE INDEX timeline_petition_idx ON petition.timeline (petition_id, id);
