-- The organisation tree: territories (市 → 区县 → 乡镇街道 → 村社区) and the functional units at each
-- level; staff accounts with their roles and data scope; API bearer tokens (stored hashed only).
CREATE SCHEMA organization;

CREATE TABLE organization.unit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    level       TEXT        NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'COMMUNITY')),
    kind        TEXT        NOT NULL CHECK (kind IN ('TERRITORY', 'PETITION_BUREAU', 'DEPARTMENT', 'DISCIPLINE',
                                                     'POLITICAL_LEGAL', 'COURT')),
    function    TEXT,
    region_code TEXT        NOT NULL,
    parent_id   BIGINT REFERENCES organization.unit (id),
    path        TEXT        NOT NULL,
    sort_order  INT         NOT NULL DEFAULT 0,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX unit_path_idx ON organization.unit (path text_pattern_ops);
CREATE INDEX unit_parent_idx ON organization.unit (parent_id);
CREATE INDEX unit_region_idx ON organization.unit (region_code);

CREATE TABLE organization.staff_user (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{2,64}$'),
    display_name    TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    unit_id         BIGINT      NOT NULL REFERENCES organization.unit (id),
    data_scope      TEXT        NOT NULL CHECK (data_scope IN ('OWN_UNIT', 'UNIT_AND_BELOW', 'TERRITORY_AND_BELOW')),
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX staff_user_unit_idx ON organization.staff_user (unit_id);

CREATE TABLE organization.user_role (
    user_id BIGINT NOT NULL REFERENCES organization.staff_user (id) ON DELETE CASCADE,
    role    TEXT   NOT NULL CHECK (role IN ('CLERK', 'HANDLER', 'APPROVER', 'SUPERVISOR', 'LEADER', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE organization.api_token (
    token_hash BYTEA       PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES organization.staff_user (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    client_ip  TEXT
);
CREATE INDEX api_token_expiry_idx ON organization.api_token (expires_at);
