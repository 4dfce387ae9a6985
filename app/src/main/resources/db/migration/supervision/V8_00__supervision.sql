-- Supervision (督办) and the leaders' mechanisms: suggestions raised by triggers, 督办单, 领导包案 with
-- progress notes, 领导批示, 约谈 records, 联席会议 referrals, and the 意见箱 about staff conduct.
-- Petitions are referred to by id and 信访件编号; units and staff by id with their name as it was then,
-- so a record keeps saying who was responsible even after a unit is renamed.
CREATE SCHEMA supervision;

-- 督办建议: one per case and trigger (a redelivered event must not raise a second one)
CREATE TABLE supervision.suggestion (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id        UUID        NOT NULL,
    petition_number    TEXT        NOT NULL,
    trigger            TEXT        NOT NULL CHECK (trigger IN ('OVERDUE_WITHOUT_CAUSE', 'NO_FEEDBACK', 'PETITIONER_UNSATISFIED')),
    period             TEXT        NOT NULL DEFAULT '',
    due_date           DATE,
    unit_id            BIGINT,
    unit_name          TEXT,
    responsible_person TEXT,
    raised_at          TIMESTAMPTZ NOT NULL,
    state              TEXT        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ORDERED', 'DISMISSED')),
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    dismiss_reason     TEXT,
    order_id           BIGINT,
    UNIQUE (petition_id, trigger, period)
);
CREATE INDEX suggestion_open_idx ON supervision.suggestion (raised_at) WHERE state = 'OPEN';

-- 督办单
CREATE TABLE supervision.supervision_order (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id        UUID        NOT NULL,
    petition_number    TEXT        NOT NULL,
    unit_id            BIGINT      NOT NULL,
    unit_name          TEXT        NOT NULL,
    responsible_person TEXT,
    method             TEXT        NOT NULL,
    reason             TEXT        NOT NULL,
    requirement        TEXT        NOT NULL,
    due_date           DATE        NOT NULL,
    level              INT         NOT NULL DEFAULT 1,
    parent_id          BIGINT REFERENCES supervision.supervision_order (id),
    suggestion_id      BIGINT REFERENCES supervision.suggestion (id),
    state              TEXT        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'RESPONDED', 'CLOSED', 'ESCALATED')),
    issued_by          BIGINT      NOT NULL,
    issued_by_name     TEXT        NOT NULL,
    issued_at          TIMESTAMPTZ NOT NULL,
    response           TEXT,
    responded_by_name  TEXT,
    responded_at       TIMESTAMPTZ,
    closed_by_name     TEXT,
    closed_at          TIMESTAMPTZ,
    close_note         TEXT
);
CREATE INDEX order_unit_idx ON supervision.supervision_order (unit_id, state);
CREATE INDEX order_petition_idx ON supervision.supervision_order (petition_id);

-- 领导包案: one leader owns a case at a time
CREATE TABLE supervision.ownership (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id     UUID        NOT NULL,
    petition_number TEXT        NOT NULL,
    leader_id       BIGINT      NOT NULL,
    leader_name     TEXT        NOT NULL,
    plan            TEXT        NOT NULL,
    measures        TEXT        NOT NULL,
    due_date        DATE        NOT NULL,
    taken_at        TIMESTAMPTZ NOT NULL,
    state           TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'ENDED')),
    ended_at        TIMESTAMPTZ,
    end_note        TEXT
);
CREATE UNIQUE INDEX ownership_active_idx ON supervision.ownership (petition_id) WHERE state = 'ACTIVE';
CREATE INDEX ownership_leader_idx ON supervision.ownership (leader_id, state);

CREATE TABLE supervision.progress_note (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ownership_id BIGINT      NOT NULL REFERENCES supervision.ownership (id),
    at           TIMESTAMPTZ NOT NULL,
    author_name  TEXT        NOT NULL,
    author_unit  TEXT        NOT NULL,
    text         TEXT        NOT NULL
);
CREATE INDEX progress_note_idx ON supervision.progress_note (ownership_id, at);

-- 领导批示: open → reported done by the unit → confirmed by the leader
CREATE TABLE supervision.instruction (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id      UUID        NOT NULL,
    petition_number  TEXT        NOT NULL,
    leader_id        BIGINT      NOT NULL,
    leader_name      TEXT        NOT NULL,
    text             TEXT        NOT NULL,
    unit_id          BIGINT      NOT NULL,
    unit_name        TEXT        NOT NULL,
    due_date         DATE,
    written_at       TIMESTAMPTZ NOT NULL,
    state            TEXT        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'REPORTED', 'CONFIRMED')),
    report           TEXT,
    reported_by_name TEXT,
    reported_at      TIMESTAMPTZ,
    confirmed_at     TIMESTAMPTZ
);
CREATE INDEX instruction_leader_idx ON supervision.instruction (leader_id, state);
CREATE INDEX instruction_unit_idx ON supervision.instruction (unit_id, state);

-- 约谈
CREATE TABLE supervision.interview (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id         BIGINT      NOT NULL,
    unit_name       TEXT        NOT NULL,
    interviewee     TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    commitments     TEXT        NOT NULL,
    held_on         DATE        NOT NULL,
    follow_up_on    DATE        NOT NULL,
    petition_number TEXT,
    recorded_by     BIGINT      NOT NULL,
    recorded_by_name TEXT       NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX interview_unit_idx ON supervision.interview (unit_id, held_on);

-- 联席会议: referred → decided → followed (routed to the lead unit) or recorded
CREATE TABLE supervision.conference_referral (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id     UUID        NOT NULL,
    petition_number TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    referred_by     BIGINT      NOT NULL,
    referred_by_name TEXT       NOT NULL,
    referred_at     TIMESTAMPTZ NOT NULL,
    state           TEXT        NOT NULL DEFAULT 'REFERRED'
                    CHECK (state IN ('REFERRED', 'AWAITING_ROUTE', 'FOLLOWED', 'RECORDED')),
    meeting_date    DATE,
    participants    TEXT,
    decision        TEXT,
    lead_unit_id    BIGINT,
    lead_unit_name  TEXT,
    due_date        DATE,
    decided_by_name TEXT,
    decided_at      TIMESTAMPTZ,
    followed_by_name TEXT,
    followed_at     TIMESTAMPTZ
);
CREATE INDEX conference_petition_idx ON supervision.conference_referral (petition_id);

-- 意见箱: reports from the public about staff conduct; name and contact are optional and sealed
CREATE TABLE supervision.feedback (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference     TEXT        NOT NULL UNIQUE,
    name_enc      BYTEA,
    contact_enc   BYTEA,
    about_unit_id BIGINT,
    about_unit_name TEXT,
    about_staff   TEXT,
    content       TEXT        NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    state         TEXT        NOT NULL DEFAULT 'NEW' CHECK (state IN ('NEW', 'CLOSED')),
    conclusion    TEXT,
    closed_by_name TEXT,
    closed_at     TIMESTAMPTZ
);
CREATE INDEX feedback_state_idx ON supervision.feedback (state, submitted_at);
