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
        List<Object> params = new ArrayList<>();
        bindDecided(params, period, today);
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT k.period, k.unit_id, count(*) AS decided, count(*) FILTER (WHERE k.state = 'MET') AS met
                FROM deadline.clock k
                WHERE k.period IN ('ROUTE', 'ACKNOWLEDGE', 'HANDLE', 'SIMPLIFIED') AND\s""" + DECIDED_IN_PERIOD
                + " AND " + reach.unit("k.unit_id") + " AND " + reach.duties() + """
                 GROUP BY k.period, k.unit_id""")
                .params(params)
                .query((rs, n) -> new DutyRow(rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    static void bindDecided(List<Object> params, StatisticsPeriod period, LocalDate today) {
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        params.add(Date.valueOf(period.from().minusDays(1)));
        params.add(Date.valueOf(period.to().minusDays(1)));
        params.add(Date.valueOf(today));
    }

    record ReplyRow(Long unitId, long replied, long rated, long satisfied, long firstReplied, long firstResolved) {
    }

    /** Replies issued in the period, per answering unit: ratings and first-petition resolution. */
    List<ReplyRow> replies(StatisticsPeriod period, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT p.reply_unit_id, count(*) AS replied,
                       count(*) FILTER (WHERE p.rating IS NOT NULL) AS rated,
                       count(*) FILTER (WHERE p.rating IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                       count(*) FILTER (WHERE p.first_time) AS first_replied,
                       count(*) FILTER (WHERE\s""" + FIRST_RESOLVED + """
                ) AS first_resolved
                FROM petition.petition p
                WHERE p.replied_at >= ? AND p.replied_at < ? AND\s""" + reach.unit("p.reply_unit_id") + " AND "
                + reach.petitions() + " GROUP BY p.reply_unit_id")
                .params(params)
                .query((rs, n) -> new ReplyRow((Long) rs.getObject(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /**
     * 一次性化解: a first petition (初信初访) whose reply closed the matter — no 复查 was asked for, the
     * petitioner did not petition the same matter again, and did not rate the reply unsatisfied.
     */
    static final String FIRST_RESOLVED = """
            p.first_time AND p.review_stage = 0 AND p.repeat_count = 0 AND p.rating IS DISTINCT FROM 'UNSATISFIED'""";

    /** Daily replies issued, for the trend line. */
    List<Figures.Day> repliedPerDay(StatisticsPeriod period, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.start()));
        params.add(ts(period.end()));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("""
                SELECT (p.replied_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*)
                FROM petition.petition p
                WHERE p.replied_at >= ? AND p.replied_at < ? AND\s""" + reach.unit("p.reply_unit_id") + " AND "
                + reach.petitions() + " GROUP BY 1")
                .params(params)
                .query((rs, n) -> new Figures.Day(rs.getDate(1).toLocalDate(), 0, rs.getLong(2)))
                .list();
    }

    /** 积案 at the start of the period and how many of them were resolved by its end. */
    Rate backlog(StatisticsPeriod period, Reach reach) {
        List<Object> params = new ArrayList<>();
        params.add(ts(period.end()));
        params.add(ts(period.start()));
        params.add(ts(period.start().minus(java.time.Duration.ofDays(BACKLOG_DAYS))));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        return jdbc.sql("SELECT count(*) FILTER (WHERE " + RESOLVED_AT + " < ?), count(*) FROM petition.petition p WHERE "
                + BACKLOG_AT + " AND " + reach.unit("p.current_unit_id") + " AND " + reach.petitions())
                .params(params)
                .query((rs, n) -> new Rate(rs.getLong(1), rs.getLong(2))).single();
    }

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
