-- Deadline module: one version number for the holiday calendar and the period rules together.
--
-- Every node keeps the calendar in memory. An administrator's change bumps this number in the same
-- transaction, and each node compares it with the number its copy was loaded at (at most every few
-- seconds), so a change made on one node of a cluster takes effect on all of them.

create table deadline.calendar_version (
    only_row boolean primary key default true check (only_row),
    version  bigint  not null
);

insert into deadline.calendar_version (only_row, version) values (true, 1);

comment on table deadline.calendar_version is
    'Bumped with every change of deadline.calendar_day or deadline.period_rule; nodes reload their cached calendar when it moves';
