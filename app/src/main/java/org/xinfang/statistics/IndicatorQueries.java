package org.xinfang.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The indicators as SQL over {@code petition.petition}, {@code petition.timeline} and
 * {@code deadline.clock}; each query reads one period's rows through an index (see the statistics
 * migration) and aggregates in the database. The definitions are in {@code docs/statistics.md}.
 */
@Repository
class IndicatorQueries {

    /** The statutory duties the timeliness indicators are made of. */
    static final List<String> DUTY_PERIODS = List.of("ROUTE", "ACKNOWLEDGE", "HANDLE", "SIMPLIFIED");

    /**
     * A duty (deadline.clock row) is decided on the day it was met, or — missed — on the day after its
     * due date, whether it was done late since or is still running; every duty is decided exactly once,
     * so a closed period's figures never change. Parameters: start, end, from - 1, to - 1, today.
     */
    static final String DECIDED_IN_PERIOD = """
            ((k.state = 'MET' AND k.closed_at >= ? AND k.closed_at < ?)
              OR (k.state IN ('MISSED', 'RUNNING') AND k.due_date >= ? AND k.due_date <= ? AND k.due_date < ?))""";

    /**
     * Running clocks that are duties a unit owes; the objection window of a forwarded case and the
     * petitioner's review windows are options, not duties, and never overdue.
     */
    static final String OWED = "k.period NOT IN ('MISROUTE_OBJECTION', 'REVIEW_REQUEST', 'RECHECK_REQUEST')";

    /** A petition's resolution (化解): its reply or, without one, its closing; 'infinity' while unresolved. */
    static final String RESOLVED_AT = "coalesce(least(p.replied_at, p.closed_at), 'infinity'::timestamptz)";

    /** 积案: unresolved at a date although received more than this many days earlier (60 + 30 days). */
    static final int BACKLOG_DAYS = 90;

    private final JdbcClient jdbc;

    IndicatorQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record VolumeRow(int set, String key, long count, long persons, long repeats, long skips) {
    }

    /** Volumes received in the period in one pass: the total, then per channel, type, category, district, holder, day. */
    List<VolumeRow> volumes(StatisticsPeriod period, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT GROUPING(channel, type, category, district, holder, day) AS g,
                       coalesce(channel, type, category, district, holder::text, day::text) AS key,
                       count(*) AS n, sum(headcount) AS persons,
                       count(*) FILTER (WHERE repeat) AS repeats, count(*) FILTER (WHERE skip_level) AS skips
                FROM (SELECT p.channel, p.type, coalesce(p.category, '') AS category, left(p.region_code, 6) AS district,
                             p.current_unit_id AS holder, (p.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                             p.headcount, p.repeat_of IS NOT NULL AS repeat, p.skip_level
                      FROM petition.petition p
                      WHERE p.received_at >= ? AND p.received_at < ? AND\s""" + reach.petitions() + """
                ) x
                GROUP BY GROUPING SETS ((), (channel), (type), (category), (district), (holder), (day))""")
                .params(params)
                .query((rs, n) -> new VolumeRow(set(rs.getInt("g")), rs.getString("key"), rs.getLong("n"),
                        rs.getLong("persons"), rs.getLong("repeats"), rs.getLong("skips")))
                .list();
    }

    /** The total of {@link #volumes} alone: received, persons, repeats, skip-level (set -1, no key). */
    VolumeRow volumeTotals(StatisticsPeriod period, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(p.headcount), 0), count(*) FILTER (WHERE p.repeat_of IS NOT NULL),
                       count(*) FILTER (WHERE p.skip_level)
                FROM petition.petition p
                WHERE p.received_at >= ? AND p.received_at < ? AND\s""" + reach.petitions())
                .params(params)
                .query((rs, n) -> new VolumeRow(-1, null, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** Which grouping set a GROUPING() bitmask of six columns stands for: -1 the total, 0..5 the column. */
    private static int set(int g) {
        if (g == 0b111111) {
            return -1;
        }
        for (int i = 0; i < 6; i++) {
            if ((g & (1 << (5 - i))) == 0) {
                return i;
            }
        }
        return -2;
    }

    record DutyRow(String period, Long unitId, long decided, long met) {
    }

    /** Duties decided in the period, per statutory period and responsible unit. */
    List<DutyRow> duties(StatisticsPeriod period, LocalDate today, Reach reach) {
        return duties(period, today, reach, true);
    }

    /** Duties decided in the period, per statutory period only (the unit left null). */
    List<DutyRow> dutyTotals(StatisticsPeriod period, LocalDate today, Reach reach) {
        return duties(period, today, reach, false);
    }

    /**
     * {@link #DECIDED_IN_PERIOD} as its two exclusive halves — met (by the day met) and missed (by the due
     * date) — each read from its own partial index alone, instead of one OR that must visit every clock row.
     */
    private List<DutyRow> duties(StatisticsPeriod period, LocalDate today, Reach reach, boolean perUnit) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        bindMissed(params, period, today);
        reach.bindUnit(params);
        reach.bindPetitions(params);
        String unit = perUnit ? "k.unit_id" : "NULL::bigint";
        String scope = " AND " + reach.unit("k.unit_id") + " AND " + reach.duties();
        return jdbc.sql("SELECT period, unit_id, sum(decided), sum(met) FROM (SELECT k.period, " + unit
                + " AS unit_id, count(*) AS decided, count(*) AS met FROM deadline.clock k"
                + " WHERE k.state = 'MET' AND k.closed_at >= ? AND k.closed_at < ? AND " + PERIODS + scope
                + " GROUP BY 1, 2 UNION ALL SELECT k.period, " + unit + ", count(*), 0 FROM deadline.clock k"
                + " WHERE " + MISSED_IN_PERIOD + " AND " + PERIODS + scope + " GROUP BY 1, 2) d GROUP BY period, unit_id")
                .params(params)
                .query((rs, n) -> new DutyRow(rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static final String PERIODS = "k.period IN ('ROUTE', 'ACKNOWLEDGE', 'HANDLE', 'SIMPLIFIED')";

    /** The duties of {@link #DECIDED_IN_PERIOD} that were missed; parameters: from - 1, to - 1, today. */
    static final String MISSED_IN_PERIOD = """
            k.state IN ('MISSED', 'RUNNING') AND k.due_date >= ? AND k.due_date <= ? AND k.due_date < ?""";

    static void bindMissed(List<Object> params, StatisticsPeriod period, LocalDate today) {
        params.add(Date.valueOf(period.from().minusDays(1)));
        params.add(Date.valueOf(period.to().minusDays(1)));
        params.add(Date.valueOf(today));
    }

    static void bindDecided(List<Object> params, StatisticsPeriod period, LocalDate today) {
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        params.add(Date.valueOf(period.from().minusDays(1)));
        params.add(Date.valueOf(period.to().minusDays(1)));
        params.add(Date.valueOf(today));
    }

    record ReplyRow(Long unitId, LocalDate day, long replied, long rated, long satisfied, long firstReplied,
            long firstResolved) {
    }

    /** Replies issued in the period, per answering unit and day: ratings and first-petition resolution. */
    List<ReplyRow> replies(StatisticsPeriod period, Reach reach) {
        return replies(period, reach, "p.reply_unit_id, (p.replied_at AT TIME ZONE 'Asia/Shanghai')::date");
    }

    /** The replies issued in the period, all together (unit and day left null). */
    ReplyRow replyTotals(StatisticsPeriod period, Reach reach) {
        List<ReplyRow> rows = replies(period, reach, "NULL::bigint, NULL::date");
        return rows.isEmpty() ? new ReplyRow(null, null, 0, 0, 0, 0, 0) : rows.get(0);
    }

    private List<ReplyRow> replies(StatisticsPeriod period, Reach reach, String groups) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("SELECT " + groups + """
                , count(*) AS replied,
                       count(*) FILTER (WHERE p.rating IS NOT NULL) AS rated,
                       count(*) FILTER (WHERE p.rating IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                       count(*) FILTER (WHERE p.first_time) AS first_replied,
                       count(*) FILTER (WHERE\s""" + FIRST_RESOLVED + """
                ) AS first_resolved
                FROM petition.petition p
                WHERE p.replied_at >= ? AND p.replied_at < ? AND\s""" + reach.unit("p.reply_unit_id") + " AND "
                + reach.petitions() + " GROUP BY 1, 2")
                .params(params)
                .query((rs, n) -> new ReplyRow((Long) rs.getObject(1),
                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /**
     * 一次性化解: a first petition (初信初访) whose reply closed the matter — no 复查 was asked for, the
     * petitioner did not petition the same matter again, and did not rate the reply unsatisfied.
     */
    static final String FIRST_RESOLVED = """
            p.first_time AND p.review_stage = 0 AND p.repeat_count = 0 AND p.rating IS DISTINCT FROM 'UNSATISFIED'""";

    /**
     * 积案 at the start of the period and how many of them were resolved by its end. {@link #BACKLOG_AT} as its
     * two exclusive halves, each read from a small partial index (migration V9_30): the petitions still
     * unresolved (resolved = infinity) received before the cut-off, and those resolved since the period's
     * start — which, received before the cut-off, took more than {@value #BACKLOG_DAYS} days to resolve, a
     * condition implied by the other two and written out so the index of such petitions can be used.
     */
    Rate backlog(StatisticsPeriod period, Reach reach) {
        java.time.Instant cutOff = period.start().minus(java.time.Duration.ofDays(BACKLOG_DAYS));
        List<Object> params = new ArrayList<>();
        params.add(ts(period.end()));
        params.add(ts(cutOff));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        params.add(ts(period.start()));
        params.add(ts(cutOff));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        // "+ 0": the same test, which keeps PostgreSQL on the two small indexes rather than reading every
        // petition the chosen units hold through the index by unit
        String scope = " AND " + reach.unit("(p.current_unit_id + 0)") + " AND " + reach.petitions();
        return jdbc.sql("SELECT count(*) FILTER (WHERE b.resolved < ?), count(*) FROM ("
                + "SELECT 'infinity'::timestamptz AS resolved FROM petition.petition p WHERE " + UNRESOLVED
                + " AND p.received_at < ?" + scope
                + " UNION ALL SELECT least(p.replied_at, p.closed_at) FROM petition.petition p WHERE " + RESOLVED_LATE
                + " AND least(p.replied_at, p.closed_at) >= ? AND p.received_at < ?" + scope + ") b")
                .params(params)
                .query((rs, n) -> new Rate(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Not a 重复件 and neither answered nor closed: the predicate of statistics_petition_unresolved_idx. */
    static final String UNRESOLVED = "p.status <> 'DUPLICATE' AND p.replied_at IS NULL AND p.closed_at IS NULL";

    /** Not a 重复件, resolved more than 90 days after receipt: the predicate of statistics_petition_resolved_late_idx. */
    static final String RESOLVED_LATE = "p.status <> 'DUPLICATE' AND least(p.replied_at, p.closed_at) - p.received_at > interval '90 days'";

    /** Backlog at a date; parameters: the date's first instant, that instant less {@value #BACKLOG_DAYS} days. */
    static final String BACKLOG_AT = "p.status <> 'DUPLICATE' AND " + RESOLVED_AT + " >= ? AND p.received_at < ?";

    record ReviewRow(String event, String note, long count) {
    }

    /** 复查/复核 requests and answers in the period, from the timeline (the petition row keeps only the latest). */
    List<ReviewRow> reviews(StatisticsPeriod period, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT t.event, t.note, count(*) FROM petition.timeline t JOIN petition.petition p ON p.id = t.petition_id
                WHERE t.event IN ('REVIEW_REQUESTED', 'RECHECK_REQUESTED', 'REVIEWED', 'RECHECKED')
                  AND t.at >= ? AND t.at < ? AND\s""" + reach.unit("t.unit_id") + " AND " + reach.petitions()
                + " GROUP BY t.event, t.note")
                .params(params)
                .query((rs, n) -> new ReviewRow(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    record HealthRow(String period, Long unitId, long running, long approaching, long overdue) {
    }

    /** The duties running today per period and unit: how many are approaching their due date, how many are past it. */
    List<HealthRow> health(LocalDate today, int approachingDays, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(today));
        params.add(Date.valueOf(today.plusDays(approachingDays - 1L)));
        params.add(Date.valueOf(today));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT k.period, k.unit_id, count(*),
                       count(*) FILTER (WHERE k.due_date >= ? AND k.due_date <= ?),
                       count(*) FILTER (WHERE k.due_date < ?)
                FROM deadline.clock k
                WHERE k.state = 'RUNNING' AND k.unit_id IS NOT NULL
                  AND k.period NOT IN ('MISROUTE_OBJECTION', 'REVIEW_REQUEST', 'RECHECK_REQUEST') AND\s"""
                + reach.unit("k.unit_id") + " AND " + reach.duties() + " GROUP BY k.period, k.unit_id")
                .params(params)
                .query((rs, n) -> new HealthRow(rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    record OverdueRow(long unitId, String number, String title, String period, LocalDate dueDate, String handler) {
    }

    /**
     * Duties running past their due date today, by unit, the most recently overdue first and at most {@code max}
     * per unit (every unit that owes something is listed; its total and the full list are in the drill-down),
     * with the member of staff answerable
     * in that unit: for routing, the clerk who registered it (登记人); otherwise the one who last took a step
     * on the case there (承办人), when one did.
     */
    List<OverdueRow> overdue(LocalDate today, int max, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(today));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        params.add(max);
        return jdbc.sql("""
                SELECT k.unit_id, p.number, p.title, k.period, k.due_date,
                       CASE WHEN k.period = 'ROUTE' THEN p.registered_by ELSE (SELECT t.actor FROM petition.timeline t WHERE t.petition_id = p.id AND t.unit_id = k.unit_id
                          AND t.event IN ('ACCEPTED', 'EXTENSION_PROPOSED', 'REPLY_DRAFTED', 'DECLINE_PROPOSED')
                        ORDER BY t.id DESC LIMIT 1) END AS handler
                FROM (SELECT k.*, row_number() OVER (PARTITION BY k.unit_id ORDER BY k.due_date DESC, k.id) AS nth
                      FROM deadline.clock k
                      WHERE k.state = 'RUNNING' AND k.unit_id IS NOT NULL
                        AND k.period NOT IN ('MISROUTE_OBJECTION', 'REVIEW_REQUEST', 'RECHECK_REQUEST') AND k.due_date < ? AND\s"""
                + reach.unit("k.unit_id") + " AND " + reach.duties() + """
                      ) k
                JOIN petition.petition p ON p.id = k.subject_id
                WHERE k.nth <= ?
                ORDER BY k.unit_id, k.due_date DESC, p.number""")
                .params(params)
                .query((rs, n) -> new OverdueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6)))
                .list();
    }

    static Timestamp ts(java.time.Instant i) {
        return Timestamp.from(i);
    }
}
