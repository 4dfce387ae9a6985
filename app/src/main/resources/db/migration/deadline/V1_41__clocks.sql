-- Deadline module: the running statutory clocks (期限计时).
--
-- A clock belongs to a generic subject (a petition, an assignment, a review request …) by id only:
-- other modules depend on this one, never the reverse, so there is no foreign key to their tables.
-- The due date is stored, not derived, because the calendar and the period rules may change after
-- a clock starts and a started clock keeps the date it was given.

create table deadline.clock (
    id                 bigint generated always as identity primary key,
    subject_id         uuid        not null,
    subject_ref        text        not null,
    period             text        not null,
    unit_id            bigint,
    started_at         timestamptz not null,
    days               int         not null check (days >= 0),
    day_count          text        not null check (day_count in ('CALENDAR', 'WORKING')),
    due_date           date        not null,
    state              text        not null check (state in ('RUNNING', 'MET', 'MISSED', 'CANCELLED')),
    closed_at          timestamptz,
    approaching_raised boolean     not null default false,
    missed_raised      boolean     not null default false,
    paused_days        int         not null default 0 check (paused_days >= 0),
    created_at         timestamptz not null default now(),
    -- A closed clock says when it closed; a running one has not.
    check ((state = 'RUNNING') = (closed_at is null))
);

comment on table deadline.clock is
    'One statutory period running (or run) against a subject; state RUNNING until met, missed or cancelled';
comment on column deadline.clock.subject_ref is
    'What staff call the subject, e.g. the 信访件编号, so messages need not ask its module';
comment on column deadline.clock.unit_id is
    'The unit responsible for meeting the deadline, if any (organization.unit id, no foreign key)';
comment on column deadline.clock.days is
    'Length of the period in day_count days, including extensions; for a hand-set due date the calendar days to it';
comment on column deadline.clock.state is
    'RUNNING until closed; an overdue RUNNING clock stays RUNNING (the duty is still owed) and is reported as missed';
comment on column deadline.clock.approaching_raised is
    'DeadlineApproaching (临期预警) published for the current due date';
comment on column deadline.clock.missed_raised is
    'DeadlineMissed (超期) published; set once and never cleared, so a miss is reported exactly once';
comment on column deadline.clock.paused_days is
    'Days not counted, e.g. 听证 time in a 复核 (reserved; not used yet)';

-- Starting a period again replaces the running clock, it never runs twice side by side.
create unique index clock_one_running_per_period
    on deadline.clock (subject_id, period) where state = 'RUNNING';

-- The scheduled scan reads only running clocks, by due date.
create index clock_running_by_due_date on deadline.clock (due_date) where state = 'RUNNING';

create index clock_by_subject on deadline.clock (subject_id);
