-- 积案专项攻坚: backlog campaigns, the cases they took on, and their 调度 (progress dispatch) rounds.
CREATE SCHEMA campaign;

CREATE TABLE campaign.campaign (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT        NOT NULL,
    starts_on       DATE        NOT NULL,
    ends_on         DATE        NOT NULL CHECK (ends_on >= starts_on),
    -- the selection rules as the creator set them (min age, min repeats, statuses, territory, category)
    rules           JSONB       NOT NULL,
    unit_id         BIGINT      NOT NULL,   -- the organising unit: who may see and run the campaign
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'FINISHED')),
    finished_at     TIMESTAMPTZ
);
CREATE INDEX campaign_unit_idx ON campaign.campaign (unit_id, starts_on DESC);

CREATE TABLE campaign.campaign_case (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id        BIGINT      NOT NULL REFERENCES campaign.campaign (id),
    petition_id        UUID        NOT NULL,
    petition_number    TEXT        NOT NULL,
    included_at        TIMESTAMPTZ NOT NULL,
    included_by        TEXT        NOT NULL,
    responsible_leader TEXT,
    plan               TEXT,
    measures           TEXT,
    due_on             DATE,
    resolution_class   TEXT CHECK (resolution_class IN ('REASONABLE_RESOLVED', 'UNREASONABLE_EDUCATED',
                                                        'HARDSHIP_ASSISTED', 'UNLAWFUL_HANDLED')),
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closure_ground     TEXT CHECK (closure_ground IN ('STOPPED_PETITIONING', 'FINAL_CONCLUSION')),
    closure_note       TEXT,
    closed_at          TIMESTAMPTZ,
    closed_by          TEXT,
    UNIQUE (campaign_id, petition_id)
);
CREATE INDEX campaign_case_petition_idx ON campaign.campaign_case (petition_id);

-- 调度: one dispatch round (a meeting or a call on a date) with a progress entry per case reported.
CREATE TABLE campaign.dispatch (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT      NOT NULL REFERENCES campaign.campaign (id),
    held_on     DATE        NOT NULL,
    note        TEXT        NOT NULL DEFAULT '',
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX dispatch_campaign_idx ON campaign.dispatch (campaign_id, held_on);

CREATE TABLE campaign.progress (
    dispatch_id      BIGINT NOT NULL REFERENCES campaign.dispatch (id),
    campaign_case_id BIGINT NOT NULL REFERENCES campaign.campaign_case (id),
    stage            TEXT   NOT NULL CHECK (stage IN ('NOT_STARTED', 'INVESTIGATING', 'RESOLVING', 'NEARLY_RESOLVED',
                                                      'RESOLVED', 'STALLED')),
    note             TEXT   NOT NULL DEFAULT '',
    PRIMARY KEY (dispatch_id, campaign_case_id)
);

-- 矛盾纠纷排查化解: disputes found by screening, before (or without) ever becoming a petition.
CREATE TABLE campaign.dispute (
    id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number            TEXT        NOT NULL UNIQUE,
    screening         TEXT        NOT NULL CHECK (screening IN ('REGULAR', 'CONCENTRATED')),
    found_on          DATE        NOT NULL,
    found_by          TEXT        NOT NULL,
    region_code       TEXT        NOT NULL,
    territory_unit_id BIGINT      NOT NULL,
    place             TEXT        NOT NULL DEFAULT '',
    category          TEXT,
    description       TEXT        NOT NULL,
    risk              TEXT        NOT NULL CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH', 'MAJOR')),
    owner_unit_id     BIGINT      NOT NULL,
    owner_person      TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'RESOLVING', 'RESOLVED', 'CONVERTED')),
    resolution        TEXT,
    resolved_on       DATE,
    petition_id       UUID,
    petition_number   TEXT,
    recorded_unit_id  BIGINT      NOT NULL,
    recorded_by       TEXT        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX dispute_owner_idx ON campaign.dispute (owner_unit_id, status);
CREATE INDEX dispute_territory_idx ON campaign.dispute (territory_unit_id, status);
CREATE INDEX dispute_recorded_idx ON campaign.dispute (recorded_unit_id);

-- The parties of a dispute: personal data sealed with SM4-GCM (people.PersonalDataCipher), never plaintext.
CREATE TABLE campaign.dispute_party (
    dispute_id BIGINT NOT NULL REFERENCES campaign.dispute (id),
    position   INT    NOT NULL,
    name_enc   BYTEA  NOT NULL,
    phone_enc  BYTEA,
    id_card_enc BYTEA,
    PRIMARY KEY (dispute_id, position)
);

CREATE TABLE campaign.dispute_counter (
    year INT PRIMARY KEY,
    last INT NOT NULL
);
