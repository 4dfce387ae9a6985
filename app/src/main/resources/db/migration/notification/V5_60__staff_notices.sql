-- Staff notices (工作台通知): short messages to a member of staff or to everyone of a unit (optionally only
-- one role there) with a link to what needs attention. A unit notice is stored once and read per user,
-- so staff who join the unit later still see what is pending there.
CREATE TABLE notification.staff_notice (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT,
    unit_id    BIGINT,
    role       TEXT CHECK (role IN ('CLERK', 'HANDLER', 'APPROVER', 'SUPERVISOR', 'LEADER', 'ADMIN')),
    title      TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    link       TEXT        NOT NULL CHECK (link LIKE '/%' AND link NOT LIKE '//%'),
    created_at TIMESTAMPTZ NOT NULL,
    -- addressed either to one user or to a unit, never both
    CHECK ((user_id IS NULL) <> (unit_id IS NULL)),
    CHECK (role IS NULL OR unit_id IS NOT NULL)
);
CREATE INDEX staff_notice_user_idx ON notification.staff_notice (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX staff_notice_unit_idx ON notification.staff_notice (unit_id, created_at DESC) WHERE unit_id IS NOT NULL;

CREATE TABLE notification.staff_notice_read (
    notice_id BIGINT      NOT NULL REFERENCES notification.staff_notice (id) ON DELETE CASCADE,
    user_id   BIGINT      NOT NULL,
    read_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notice_id, user_id)
);
