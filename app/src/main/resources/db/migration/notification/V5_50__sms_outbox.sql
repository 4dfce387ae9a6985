-- The SMS outbox: written in the transaction of the step being notified, sent after commit, retried.
-- Number and variables (the 查询码!) are SM4-GCM sealed and erased once the message is sent.
CREATE SCHEMA notification;

CREATE TABLE notification.sms_outbox (
    id              BIGSERIAL   PRIMARY KEY,
    dedup_key       TEXT        NOT NULL UNIQUE,
    petition_id     UUID,
    template        TEXT        NOT NULL,
    phone_enc       BYTEA,
    values_enc      BYTEA,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    CHECK (state <> 'PENDING' OR (phone_enc IS NOT NULL AND values_enc IS NOT NULL))
);
CREATE INDEX sms_outbox_due ON notification.sms_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX sms_outbox_petition ON notification.sms_outbox (petition_id);
