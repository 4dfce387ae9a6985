package org.xinfang.statistics;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.shared.ChinaTime;

/**
 * Drill-down (下钻): the cases behind a figure, selected by the same conditions the figure counts, so the
 * list's total always equals the number on the dashboard. Listing is audited like any reading of cases.
 */
@Service
public class CaseLists {

    /** The most rows one list shows; the total is always exact. */
    public static final int MAX_ROWS = 200;

    /** Which cases: the population (or the part of it that failed) behind one figure. */
    public enum Measure {
        /** received in the period; narrowed by channel, type, category, territory, holder or day */
        RECEIVED,
        /** received in the period and linked to an earlier petition (重复信访) */
        REPEAT,
        /** received in the period and skipping a level (越级) */
        SKIP_LEVEL,
        /** routing duties decided in the period / those missed */
        ROUTING, ROUTING_MISSED,
        /** written-notice duties decided in the period / those missed */
        ACCEPTANCE, ACCEPTANCE_MISSED,
        /** handling duties decided in the period / those missed */
        COMPLETION, COMPLETION_MISSED,
        /** replies issued in the period / rated / rated 不满意 */
        REPLIED, RATED, UNSATISFIED,
        /** first petitions answered in the period / those not resolved at once */
        FIRST_REPLIED, FIRST_UNRESOLVED,
        /** the backlog at the start of the period / still unresolved at its end */
        BACKLOG, BACKLOG_UNRESOLVED,
        /** duties running today past their due date / due within the next days */
        OVERDUE_NOW, APPROACHING_NOW,
        /** 复查 / 复核 requested in the period */
        REVIEW_REQUESTED, RECHECK_REQUESTED
    }

    /**
     * Narrows {@link Measure#RECEIVED} to one part of a breakdown; all optional.
     *
     * @param category  a first-level category name (its sub-categories count too), or "" for 未分类
     * @param territory a region code prefix (a district's 6 digits)
     * @param holder    the unit holding the petitions now
     */
    public record Narrowing(String channel, String type, String category, String territory, Long holder, LocalDate day) {
        public static final Narrowing NONE = new Narrowing(null, null, null, null, null, null);
    }

    /** One case of a list. */
    public record Row(String number, String title, String status, Instant receivedAt, String holder, LocalDate dueDate,
            String dutyUnit) {
    }

    /** A list: its exact total and at most {@link #MAX_ROWS} rows, oldest due or newest received first. */
    public record CaseList(Measure measure, long total, List<Row> rows) {
    }

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final AuditLog audit;
    private final Clock clock;

    CaseLists(JdbcClient jdbc, Indicators indicators, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cases behind {@code measure} in the period, within the caller's scope (or the chosen unit's). */
    @Transactional // audited: the audit entry is written in the same transaction
    public CaseList list(Measure measure, StatisticsPeriod period, Long unitId, Narrowing narrowing, StaffUser user) {
        Indicators.Scope s = indicators.scope(unitId, user);
        Reach reach = s.reach();
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        List<Object> params = new ArrayList<>();
        String from;
        String countFrom = null;
        String where;
        String due = "NULL::date";
        String dutyUnit = "NULL::bigint";
        String order = "p.received_at DESC";
        switch (measure) {
            case RECEIVED, REPEAT, SKIP_LEVEL -> {
                from = "petition.petition p";
                params.add(IndicatorQueries.ts(period.start()));
                params.add(IndicatorQueries.ts(period.end()));
                StringBuilder w = new StringBuilder("p.received_at >= ? AND p.received_at < ?");
                if (measure == Measure.REPEAT) {
                    w.append(" AND p.repeat_of IS NOT NULL");
                } else if (measure == Measure.SKIP_LEVEL) {
                    w.append(" AND p.skip_level");
                }
                narrow(w, params, narrowing == null ? Narrowing.NONE : narrowing);
                where = w.toString();
            }
            case ROUTING, ROUTING_MISSED, ACCEPTANCE, ACCEPTANCE_MISSED, COMPLETION, COMPLETION_MISSED -> {
                from = "deadline.clock k JOIN petition.petition p ON p.id = k.subject_id";
                countFrom = "deadline.clock k";
                String periods = switch (measure) {
                    case ROUTING, ROUTING_MISSED -> "('ROUTE')";
                    case ACCEPTANCE, ACCEPTANCE_MISSED -> "('ACKNOWLEDGE')";
                    default -> "('HANDLE', 'SIMPLIFIED')";
                };
                if (measure.name().endsWith("_MISSED")) {
                    // the missed half of DECIDED_IN_PERIOD alone (the same rows as it AND state <> 'MET'), so
                    // the list reads one partial index instead of both
                    IndicatorQueries.bindMissed(params, period, today);
                    reach.bindUnit(params);
                    where = "k.period IN " + periods + " AND " + IndicatorQueries.MISSED_IN_PERIOD + " AND "
                            + reach.unit("k.unit_id");
                } else {
                    IndicatorQueries.bindDecided(params, period, today);
                    reach.bindUnit(params);
                    where = "k.period IN " + periods + " AND " + IndicatorQueries.DECIDED_IN_PERIOD + " AND "
                            + reach.unit("k.unit_id");
                }
                due = "k.due_date";
                dutyUnit = "k.unit_id";
                order = "k.due_date, p.received_at";
            }
            case REPLIED, RATED, UNSATISFIED, FIRST_REPLIED, FIRST_UNRESOLVED -> {
                from = "petition.petition p";
                params.add(IndicatorQueries.ts(period.start()));
                params.add(IndicatorQueries.ts(period.end()));
                reach.bindUnit(params);
                where = "p.replied_at >= ? AND p.replied_at < ? AND " + reach.unit("p.reply_unit_id") + switch (measure) {
                    case RATED -> " AND p.rating IS NOT NULL";
                    case UNSATISFIED -> " AND p.rating = 'UNSATISFIED'";
                    case FIRST_REPLIED -> " AND p.first_time";
                    case FIRST_UNRESOLVED -> " AND p.first_time AND NOT (" + IndicatorQueries.FIRST_RESOLVED + ")";
                    default -> "";
                };
                dutyUnit = "p.reply_unit_id";
                order = "p.replied_at DESC";
            }
            case BACKLOG, BACKLOG_UNRESOLVED -> {
                from = "petition.petition p";
                params.add(IndicatorQueries.ts(period.start()));
                params.add(IndicatorQueries.ts(period.start().minus(java.time.Duration.ofDays(IndicatorQueries.BACKLOG_DAYS))));
                reach.bindUnit(params);
                where = IndicatorQueries.BACKLOG_AT + " AND " + reach.unit("p.current_unit_id");
                if (measure == Measure.BACKLOG_UNRESOLVED) {
                    where += " AND " + IndicatorQueries.RESOLVED_AT + " >= ?";
                    params.add(IndicatorQueries.ts(period.end()));
                }
                order = "p.received_at";
            }
            case OVERDUE_NOW, APPROACHING_NOW -> {
                from = "deadline.clock k JOIN petition.petition p ON p.id = k.subject_id";
                countFrom = "deadline.clock k";
                if (measure == Measure.OVERDUE_NOW) {
                    params.add(Date.valueOf(today));
                    where = "k.state = 'RUNNING' AND k.unit_id IS NOT NULL AND " + IndicatorQueries.OWED + " AND k.due_date < ?";
                } else {
                    params.add(Date.valueOf(today));
                    params.add(Date.valueOf(today.plusDays(Indicators.APPROACHING_DAYS - 1L)));
                    where = "k.state = 'RUNNING' AND k.unit_id IS NOT NULL AND " + IndicatorQueries.OWED + " AND k.due_date >= ? AND k.due_date <= ?";
                }
                reach.bindUnit(params);
                where += " AND " + reach.unit("k.unit_id");
                due = "k.due_date";
                dutyUnit = "k.unit_id";
                order = "k.due_date, p.received_at";
            }
            case REVIEW_REQUESTED, RECHECK_REQUESTED -> {
                from = "petition.timeline t JOIN petition.petition p ON p.id = t.petition_id";
                params.add(measure.name());
                params.add(IndicatorQueries.ts(period.start()));
                params.add(IndicatorQueries.ts(period.end()));
                reach.bindUnit(params);
                where = "t.event = ? AND t.at >= ? AND t.at < ? AND " + reach.unit("t.unit_id");
                dutyUnit = "t.unit_id";
                order = "t.at DESC";
            }
            default -> throw new IllegalArgumentException(measure.name());
        }
        // over clocks the scope is checked without the petition (see Reach#duties), as the figure counts them
        where += " AND " + (countFrom != null ? reach.duties() : reach.petitions());
        reach.bindPetitions(params);

        long total = jdbc.sql("SELECT count(*) FROM " + (countFrom != null ? countFrom : from) + " WHERE " + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(MAX_ROWS);
        Map<Long, String> names = s.names();
        List<Row> rows = jdbc.sql("SELECT p.number, p.title, p.status, p.received_at, p.current_unit_id, " + due + ", "
                + dutyUnit + " FROM " + from + " WHERE " + where + " ORDER BY " + order + " LIMIT ?")
                .params(pageParams)
                .query((rs, n) -> {
                    Date d = rs.getDate(6);
                    Object du = rs.getObject(7);
                    return new Row(rs.getString(1), rs.getString(2), PetitionStatus.valueOf(rs.getString(3)).label(),
                            rs.getTimestamp(4).toInstant(), names.getOrDefault(rs.getLong(5), "—"),
                            d == null ? null : d.toLocalDate(),
                            du == null ? null : names.getOrDefault(((Number) du).longValue(), "—"));
                })
                .list();
        audit.record("statistics.cases", "statistics", measure.name(),
                period.from() + ".." + period.to() + (unitId == null ? "" : " unit " + unitId) + " total " + total);
        return new CaseList(measure, total, rows);
    }

    private void narrow(StringBuilder w, List<Object> params, Narrowing n) {
        if (n.channel() != null) {
            w.append(" AND p.channel = ?");
            params.add(n.channel());
        }
        if (n.type() != null) {
            w.append(" AND p.type = ?");
            params.add(n.type());
        }
        if (n.category() != null) {
            if (n.category().isEmpty() || n.category().equals("未分类")) {
                w.append(" AND coalesce(p.category, '') = ''");
            } else {
                List<String> names = indicators.topCategories().entrySet().stream()
                        .filter(e -> e.getValue().equals(n.category())).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
                names.add(n.category());
                w.append(" AND p.category = ANY(?)");
                params.add(names.toArray(String[]::new));
            }
        }
        if (n.territory() != null) {
            w.append(" AND p.region_code LIKE ?");
            params.add(n.territory().replace("%", "").replace("_", "") + "%");
        }
        if (n.holder() != null) {
            w.append(" AND p.current_unit_id = ?");
            params.add(n.holder());
        }
        if (n.day() != null) {
            w.append(" AND p.received_at >= ? AND p.received_at < ?");
            params.add(IndicatorQueries.ts(n.day().atStartOfDay(ChinaTime.ZONE).toInstant()));
            params.add(IndicatorQueries.ts(n.day().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
    }
}
