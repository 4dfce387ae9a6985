package org.xinfang.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinfang.deadline.ClockView.State;

/** The {@code deadline.clock} table (migration {@code V1_41__clocks.sql}). */
@Repository
class ClockStore {

    private static final String COLUMNS = """
            id, subject_id, subject_ref, period, unit_id, started_at, days, day_count, due_date, state,
            closed_at, approaching_raised, missed_raised""";

    private static final String FROM = "\nfrom deadline.clock\n";

    private static final String RETURNING = "\nreturning " + COLUMNS;

    private static final RowMapper<ClockRow> ROW = ClockStore::map;

    private final JdbcClient jdbc;

    ClockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A clock as stored; {@code state} is the stored one, never the derived "overdue" reading. */
    record ClockRow(long id, UUID subjectId, String subjectRef, StatutoryPeriod period, Long unitId,
            Instant startedAt, int days, DayCount dayCount, LocalDate dueDate, State state, Instant closedAt,
            boolean approachingRaised, boolean missedRaised) {
    }

    /**
     * The running clock of a period, locked until the transaction ends, so a concurrent stop, extend
     * or scan of the same clock waits (or, for the scan, skips it) instead of acting on a stale row.
     */
    Optional<ClockRow> lockRunning(UUID subjectId, StatutoryPeriod period) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                where subject_id = :subject and period = :period and state = 'RUNNING'
                for update""")
                .param("subject", subjectId)
                .param("period", period.name())
                .query(ROW)
                .optional();
    }

    ClockRow insert(UUID subjectId, String subjectRef, StatutoryPeriod period, Long unitId, Instant startedAt,
            int days, DayCount dayCount, LocalDate dueDate) {
        return jdbc.sql("""
                insert into deadline.clock
                    (subject_id, subject_ref, period, unit_id, started_at, days, day_count, due_date, state)
                values (:subject, :ref, :period, :unit, :started, :days, :dayCount, :due, 'RUNNING')""" + RETURNING)
                .param("subject", subjectId)
                .param("ref", subjectRef)
                .param("period", period.name())
                .param("unit", unitId, Types.BIGINT)
                .param("started", Timestamp.from(startedAt))
                .param("days", days)
                .param("dayCount", dayCount.name())
                .param("due", dueDate)
                .query(ROW)
                .single();
    }

    ClockRow close(long id, State state, Instant at, boolean missedRaised) {
        return jdbc.sql("""
                update deadline.clock set state = :state, closed_at = :at, missed_raised = :missedRaised
                where id = :id and state = 'RUNNING'""" + RETURNING)
                .param("id", id)
                .param("state", state.name())
                .param("at", Timestamp.from(at))
                .param("missedRaised", missedRaised)
                .query(ROW)
                .single();
    }

    /** Moves the due date and arms the approaching warning again, since it was about the old date. */
    ClockRow moveDueDate(long id, int days, LocalDate dueDate) {
        return jdbc.sql("""
                update deadline.clock set days = :days, due_date = :due, approaching_raised = false
                where id = :id and state = 'RUNNING'""" + RETURNING)
                .param("id", id)
                .param("days", days)
                .param("due", dueDate)
                .query(ROW)
                .single();
    }

    List<ClockRow> of(UUID subjectId) {
        return jdbc.sql("select " + COLUMNS + FROM + "where subject_id = :subject order by id")
                .param("subject", subjectId)
                .query(ROW)
                .list();
    }

    /**
     * Flags the running clocks overdue on {@code today} whose miss was not yet reported, and returns
     * exactly those. Rows another transaction holds are skipped rather than waited for: a concurrent
     * scan is flagging them already, or a stop is closing them (and reports the miss itself); a row
     * skipped for any other reason is still unflagged and the next scan takes it. The flag is re-checked
     * on the locked row, so two scans never both return the same clock.
     */
    List<ClockRow> flagMissed(LocalDate today) {
        return jdbc.sql("""
                update deadline.clock set missed_raised = true
                where id in (select id from deadline.clock
                             where state = 'RUNNING' and due_date < :today and not missed_raised
                             for update skip locked)
                  and not missed_raised""" + RETURNING)
                .param("today", today)
                .query(ROW)
                .list();
    }

    /**
     * Flags the running clocks due from {@code today} to {@code until} (both inclusive) whose warning
     * was not yet raised, and returns exactly those; concurrency as in {@link #flagMissed}.
     */
    List<ClockRow> flagApproaching(LocalDate today, LocalDate until) {
        return jdbc.sql("""
                update deadline.clock set approaching_raised = true
                where id in (select id from deadline.clock
                             where state = 'RUNNING' and due_date between :today and :until
                               and not approaching_raised
                             for update skip locked)
                  and not approaching_raised""" + RETURNING)
                .param("today", today)
                .param("until", until)
                .query(ROW)
                .list();
    }

    private static ClockRow map(ResultSet rs, int rowNum) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        Timestamp closed = rs.getTimestamp("closed_at");
        return new ClockRow(
                rs.getLong("id"),
                rs.getObject("subject_id", UUID.class),
                rs.getString("subject_ref"),
                StatutoryPeriod.valueOf(rs.getString("period")),
                unitId,
                rs.getTimestamp("started_at").toInstant(),
                rs.getInt("days"),
                DayCount.valueOf(rs.getString("day_count")),
                rs.getObject("due_date", LocalDate.class),
                State.valueOf(rs.getString("state")),
                closed == null ? null : closed.toInstant(),
                rs.getBoolean("approaching_raised"),
                rs.getBoolean("missed_raised"));
    }
}
