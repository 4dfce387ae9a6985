-- Statistics (统计): the stored reports of the reporting cadence (日统计、单周研判、双周通报、月点评), the
-- schedule that produces them, and the indexes the figures read through.
--
-- The figures themselves are not stored anywhere but in these reports: they are computed by SQL over the
-- lifecycle's own tables (petition.petition, petition.timeline, deadline.clock), so they always agree with
-- the cases behind them and anyone can reproduce them from those tables.
CREATE SCHEMA statistics;

CREATE TABLE statistics.report (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY')),
    period_from   DATE        NOT NULL,
    period_to     DATE        NOT NULL CHECK (period_to >= period_from),
    unit_id       BIGINT      NOT NULL,
    title         TEXT        NOT NULL,
    content       JSONB       NOT NULL,
    generated_at  TIMESTAMPTZ NOT NULL,
    generated_by  TEXT        NOT NULL,
    scheduled     BOOLEAN     NOT NULL DEFAULT FALSE
);
COMMENT ON COLUMN statistics.report.unit_id IS 'The unit the report covers (organization.unit id, no foreign key)';
COMMENT ON COLUMN statistics.report.content IS 'The report as generated: sections of paragraphs and tables, figures frozen at generated_at';
CREATE INDEX report_unit_idx ON statistics.report (unit_id, generated_at DESC);
-- the scheduler produces each report once, however many nodes run it
CREATE UNIQUE INDEX report_scheduled_once ON statistics.report (kind, period_from, period_to, unit_id) WHERE scheduled;

-- db-scheduler's table for the report tasks. Separate from the platform's scheduled_tasks, because a
-- db-scheduler instance treats rows of tasks it does not know as unresolved and eventually deletes them.
CREATE TABLE statistics.report_schedule (
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
CREATE INDEX report_schedule_execution_time_idx ON statistics.report_schedule (execution_time);
CREATE INDEX report_schedule_last_heartbeat_idx ON statistics.report_schedule (last_heartbeat);
CREATE INDEX report_schedule_priority_execution_time_idx ON statistics.report_schedule (priority DESC, execution_time ASC);

-- Read paths of the indicators over other modules' tables (indexes only; no columns, no data). Each
-- lets a period's figure read the rows of that period instead of the whole table at 1,000,000 petitions.
-- deadline duties decided in a period: met ones by the day they were met, missed ones by the due date
CREATE INDEX statistics_clock_met_idx ON deadline.clock (closed_at) INCLUDE (period, unit_id, subject_id)
    WHERE state = 'MET';
CREATE INDEX statistics_clock_not_met_idx ON deadline.clock (due_date) INCLUDE (period, unit_id, subject_id)
    WHERE state IN ('MISSED', 'RUNNING');
-- replies issued in a period (satisfaction, participation, first-petition resolution)
CREATE INDEX statistics_petition_replied_idx ON petition.petition (replied_at) WHERE replied_at IS NOT NULL;
-- the backlog at a date: petitions not yet resolved (answered or closed) then, by receipt
CREATE INDEX statistics_petition_resolved_idx ON petition.petition
    ((coalesce(least(replied_at, closed_at), 'infinity'::timestamptz)), received_at)
    INCLUDE (id, confidential, current_unit_id) WHERE status <> 'DUPLICATE';
-- the duties running today (deadline health), read from the index alone
CREATE INDEX statistics_clock_running_idx ON deadline.clock (unit_id, period, due_date) INCLUDE (subject_id)
    WHERE state = 'RUNNING';
-- confidential petitions (检举控告), few: figures over clocks exclude the ones the caller may not see as one set
CREATE INDEX statistics_petition_confidential_idx ON petition.petition (id) WHERE confidential;
-- 复查 / 复核 requests and answers in a period
CREATE INDEX statistics_timeline_review_idx ON petition.timeline (at, event)
    WHERE event IN ('REVIEW_REQUESTED', 'RECHECK_REQUESTED', 'REVIEWED', 'RECHECKED');
