package org.xinfang.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.shared.ChinaTime;

/**
 * 通报: for a period, the units with overdue items (a statutory period or a 交办 feedback date missed),
 * unsatisfied petitioners (不满意), and unresolved 督办单 (due within the period and still not answered or
 * not closed), with counts and the case numbers behind them, so that "找准不落实的人" can be read off one
 * page. Only cases within the supervisor's scope count. The figures come from the suggestions the
 * triggers raised, so a bulletin names exactly what the supervisors' queue showed.
 */
@Service
@Transactional(readOnly = true)
public class Bulletins {

    /** The longest period one bulletin covers. */
    public static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;

    Bulletins(JdbcClient jdbc, CaseFiles cases, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
    }

    /** Generates the bulletin for {@code from}…{@code to} (ISO dates, inclusive, China time). */
    @Transactional
    public SupervisionViews.Bulletin generate(String from, String to, StaffUser user) {
        CaseFiles.requireRole(user, Role.SUPERVISOR, Role.LEADER);
        CaseFiles.Problems problems = new CaseFiles.Problems();
        LocalDate start = problems.date("from", from, true);
        LocalDate end = problems.date("to", to, true);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("to", "supervision.validation.range");
        } else if (start != null && end != null && end.isAfter(start.plusDays(MAX_DAYS))) {
            problems.add("to", "supervision.validation.tooLongRange", MAX_DAYS);
        }
        problems.throwIfAny();
        Timestamp begin = Timestamp.from(start.atStartOfDay(ChinaTime.ZONE).toInstant());
        Timestamp finish = Timestamp.from(end.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        Map<Long, Line> lines = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>(List.of(begin, finish));
        params.addAll(List.of(cases.scopeParameters(user)));
        jdbc.sql("""
                SELECT s.unit_id, s.unit_name, s.trigger, s.petition_number FROM supervision.suggestion s
                JOIN petition.petition p ON p.id = s.petition_id
                WHERE s.raised_at >= ? AND s.raised_at < ? AND s.unit_id IS NOT NULL AND\s""" + cases.scopeCondition())
                .params(params).query(rs -> {
                    Line line = lines.computeIfAbsent(rs.getLong(1), id -> new Line(id, unitName(rs)));
                    (SupervisionReason.PETITIONER_UNSATISFIED.name().equals(rs.getString(3)) ? line.unsatisfied
                            : line.overdue).add(rs.getString(4));
                });
        List<Object> orderParams = new ArrayList<>(List.of(java.sql.Date.valueOf(start), java.sql.Date.valueOf(end)));
        orderParams.addAll(List.of(cases.scopeParameters(user)));
        jdbc.sql("""
                SELECT o.unit_id, o.unit_name, o.petition_number FROM supervision.supervision_order o
                JOIN petition.petition p ON p.id = o.petition_id
                WHERE o.due_date BETWEEN ? AND ? AND o.state IN ('OPEN', 'RESPONDED') AND\s""" + cases.scopeCondition())
                .params(orderParams).query(rs -> {
                    lines.computeIfAbsent(rs.getLong(1), id -> new Line(id, unitName(rs))).unresolved.add(rs.getString(3));
                });
        List<SupervisionViews.BulletinLine> result = lines.values().stream()
                .map(l -> new SupervisionViews.BulletinLine(l.unitId, l.unitName, List.copyOf(l.overdue),
                        List.copyOf(l.unsatisfied), List.copyOf(l.unresolved)))
                .sorted(Comparator.comparing(SupervisionViews.BulletinLine::total).reversed()
                        .thenComparing(SupervisionViews.BulletinLine::unitName))
                .toList();
        audit.record("supervision.bulletin.generated", "bulletin", start + "~" + end, result.size() + " 个单位");
        return new SupervisionViews.Bulletin(start, end, Suggestions.at(Timestamp.from(cases.now())), user.displayName(),
                result);
    }

    private static String unitName(java.sql.ResultSet rs) {
        try {
            return rs.getString(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Line {
        final long unitId;
        final String unitName;
        final TreeSet<String> overdue = new TreeSet<>();
        final TreeSet<String> unsatisfied = new TreeSet<>();
        final TreeSet<String> unresolved = new TreeSet<>();

        Line(long unitId, String unitName) {
            this.unitId = unitId;
            this.unitName = unitName;
        }
    }
}
