-- The backlog (积案) at the start of a period, read from two small partial indexes instead of every petition
-- resolved since then or not at all (IndicatorQueries.backlog): the petitions still unresolved, by receipt,
-- and those that took more than 90 days to resolve, by when they were resolved. Indexes only; the figure's
-- definition (docs/statistics.md) is unchanged. timestamptz - timestamptz is immutable, so the predicate may
-- use it; '90 days' compares as 90 × 24 hours, as the query's cut-off does.
CREATE INDEX statistics_petition_unresolved_idx ON petition.petition (received_at)
    INCLUDE (id, confidential, current_unit_id)
    WHERE status <> 'DUPLICATE' AND replied_at IS NULL AND closed_at IS NULL;
CREATE INDEX statistics_petition_resolved_late_idx ON petition.petition ((least(replied_at, closed_at)))
    INCLUDE (received_at, replied_at, closed_at, id, confidential, current_unit_id)
    WHERE status <> 'DUPLICATE' AND least(replied_at, closed_at) - received_at > interval '90 days';
