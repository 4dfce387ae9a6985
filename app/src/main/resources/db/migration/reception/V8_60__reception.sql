-- 领导接访日: the published schedule, appointments (from the portal or by clerks), reception records and
-- 带案下访 (leaders going down to the grassroots with cases).
CREATE SCHEMA reception;

CREATE TABLE reception.slot (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    leader_name TEXT        NOT NULL,
    leader_post TEXT        NOT NULL,             -- 职务, e.g. 副市长
    held_on     DATE        NOT NULL,
    starts_at   TIME        NOT NULL,
    ends_at     TIME        NOT NULL CHECK (ends_at > starts_at),
    place       TEXT        NOT NULL,
    topics      TEXT        NOT NULL DEFAULT '',
    capacity    INT         NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    published   BOOLEAN     NOT NULL DEFAULT TRUE,
    cancelled   BOOLEAN     NOT NULL DEFAULT FALSE,
    unit_id     BIGINT      NOT NULL,             -- the organising unit (usually a 信访局): who may manage it
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX slot_date_idx ON reception.slot (held_on);

CREATE TABLE reception.appointment (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number      TEXT        NOT NULL UNIQUE,       -- 预约号, given to the citizen
    slot_id     BIGINT      NOT NULL REFERENCES reception.slot (id),
    name_enc    BYTEA       NOT NULL,              -- SM4-GCM (people.PersonalDataCipher)
    phone_enc   BYTEA       NOT NULL,
    phone_index BYTEA       NOT NULL,              -- HMAC-SM3 blind index: one booking per phone and slot
    topic       TEXT        NOT NULL,
    source      TEXT        NOT NULL CHECK (source IN ('PORTAL', 'CLERK')),
    status      TEXT        NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'RECEIVED')),
    booked_at   TIMESTAMPTZ NOT NULL,
    booked_by   TEXT        NOT NULL
);
CREATE INDEX appointment_slot_idx ON reception.appointment (slot_id, status);
CREATE UNIQUE INDEX appointment_once_idx ON reception.appointment (slot_id, phone_index) WHERE status <> 'CANCELLED';

CREATE TABLE reception.number_counter (
    day  DATE PRIMARY KEY,
    last INT  NOT NULL
);

-- What happened when the leader received someone: linked to the petition it became or continued.
CREATE TABLE reception.record (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id         BIGINT      NOT NULL REFERENCES reception.slot (id),
    appointment_id  BIGINT      REFERENCES reception.appointment (id),
    visitor_enc     BYTEA       NOT NULL,          -- who was received (name), sealed
    received_at     TIMESTAMPTZ NOT NULL,
    request         TEXT        NOT NULL,          -- what was asked
    decision        TEXT        NOT NULL,          -- what the leader decided (批示/意见)
    petition_id     UUID        NOT NULL,
    petition_number TEXT        NOT NULL,
    new_petition    BOOLEAN     NOT NULL,
    recorded_by     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    request_key     TEXT                            -- the client's idempotency key: a retry returns the same record
);
CREATE INDEX record_slot_idx ON reception.record (slot_id);
CREATE UNIQUE INDEX record_key_idx ON reception.record (slot_id, request_key) WHERE request_key IS NOT NULL;
CREATE UNIQUE INDEX record_appointment_idx ON reception.record (appointment_id) WHERE appointment_id IS NOT NULL;

-- 带案下访: a leader goes down to a place with cases.
CREATE TABLE reception.field_visit (
    id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    leader_name      TEXT        NOT NULL,
    leader_post      TEXT        NOT NULL,
    visited_on       DATE        NOT NULL,
    region_code      TEXT        NOT NULL,
    place            TEXT        NOT NULL,
    petition_numbers TEXT[]      NOT NULL,
    outcome          TEXT        NOT NULL,
    unit_id          BIGINT      NOT NULL,
    recorded_by      TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX field_visit_unit_idx ON reception.field_visit (unit_id, visited_on DESC);
