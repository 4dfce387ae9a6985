-- 预警: early warnings raised by the rules in org.xinfang.insight (spike, cluster, repeat rise, collective
-- visit). One row per warning; a rule that finds the same matter again (same rule and key, overlapping
-- window) updates the row with the new evidence instead of raising a second warning.
CREATE SCHEMA IF NOT EXISTS insight;

CREATE TABLE insight.warning (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule             TEXT             NOT NULL CHECK (rule IN ('SPIKE', 'CLUSTER', 'REPEAT_RISE', 'COLLECTIVE_VISIT')),
    dedup_key        TEXT             NOT NULL,
    window_from      TIMESTAMPTZ      NOT NULL,
    window_to        TIMESTAMPTZ      NOT NULL,
    level            TEXT             NOT NULL CHECK (level IN ('RED', 'ORANGE', 'YELLOW')),
    title            TEXT             NOT NULL,
    reason           TEXT             NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    region_code      TEXT             NOT NULL,
    category         TEXT,
    key_domain       BOOLEAN          NOT NULL DEFAULT FALSE,
    owner_unit_id    BIGINT           NOT NULL,
    evidence         UUID[]           NOT NULL,
    status           TEXT             NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'HANDLED')),
    raised_at        TIMESTAMPTZ      NOT NULL,
    updated_at       TIMESTAMPTZ      NOT NULL,
    acknowledged_by  TEXT,
    acknowledged_at  TIMESTAMPTZ,
    acknowledge_note TEXT,
    handled_by       TEXT,
    handled_at       TIMESTAMPTZ,
    handle_note      TEXT,
    version          INT              NOT NULL DEFAULT 0,
    CHECK (window_from < window_to)
);
-- dedup looks up the same rule and key; lists are by owner (scope), status and level
CREATE INDEX warning_rule_key_idx ON insight.warning (rule, dedup_key, window_to DESC);
CREATE INDEX warning_owner_idx ON insight.warning (owner_unit_id, status, level);
CREATE INDEX warning_evidence_idx ON insight.warning USING gin (evidence);

-- The evaluation's own db-scheduler table, so that its scheduler never meets (and never deletes as
-- unresolved) the executions of other modules' schedulers; same layout as public.scheduled_tasks.
CREATE TABLE insight.scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX insight_scheduled_tasks_execution_time_idx ON insight.scheduled_tasks (execution_time);
CREATE INDEX insight_scheduled_tasks_last_heartbeat_idx ON insight.scheduled_tasks (last_heartbeat);
CREATE INDEX insight_scheduled_tasks_priority_idx ON insight.scheduled_tasks (priority DESC, execution_time ASC);
