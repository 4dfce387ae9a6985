package org.xinfang.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.deadline.Calendars;
import org.xinfang.document.ReportPrinting;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reports of the cadence: generated on demand for any period and any unit in the caller's scope, or
 * by the scheduler for the whole installation; stored with their figures frozen; listed, printed (PDF)
 * and exported (XLSX) for those whose scope reaches the unit the report covers.
 */
@Service
public class StatisticsReports {

    /** A stored report as listed. */
    public record Summary(long id, ReportKind kind, LocalDate from, LocalDate to, long unitId, String title,
            Instant generatedAt, String generatedBy, boolean scheduled) {
    }

    /** A stored report with its content. */
    public record Report(Summary summary, ReportContent content) {
    }

    private final ReportComposer composer;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Units units;
    private final Calendars calendars;
    private final ReportPrinting printing;
    private final AuditLog audit;
    private final Clock clock;

    StatisticsReports(ReportComposer composer, JdbcClient jdbc, JsonMapper json, Units units, Calendars calendars,
            ReportPrinting printing, AuditLog audit, Clock clock) {
        this.composer = composer;
        this.jdbc = jdbc;
        this.json = json;
        this.units = units;
        this.calendars = calendars;
        this.printing = printing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Generates and stores a report for {@code period}, over the caller's scope or one unit within it.
     *
     * @return the stored report's id
     */
    @Transactional
    public long generate(ReportKind kind, StatisticsPeriod period, Long unitId, StaffUser user) {
        ReportContent content = composer.compose(kind, period, unitId, user);
        long id = store(kind, period, unitId == null ? user.unitId() : unitId, content, user.displayName(), false);
        audit.record("statistics.report.generated", "report", String.valueOf(id), kind.name() + " " + period.from() + ".." + period.to());
        return id;
    }

    /**
     * The reports the scheduler owes for {@code day}: each kind whose cadence falls on that day, for the
     * whole installation, generated once however many nodes run it (a second attempt finds it stored).
     *
     * @return how many reports were generated now
     */
    @Transactional
    public int generateScheduled(LocalDate day) {
        StaffUser system = systemUser();
        int made = 0;
        for (ReportKind kind : ReportKind.values()) {
            StatisticsPeriod period = kind.scheduledPeriod(day, calendars.current());
            if (period == null || exists(kind, period, system.unitId())) {
                continue;
            }
            ReportContent content = composer.compose(kind, period, null, system);
            try {
                store(kind, period, system.unitId(), content, system.displayName(), true);
                made++;
            } catch (DuplicateKeyException alreadyMadeElsewhere) {
                // another node stored it first; nothing to do
            }
        }
        return made;
    }

    /** Reports covering units within the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public List<Summary> list(StaffUser user, int max) {
        Set<Long> visible = units.visibleUnitIds(user);
        return jdbc.sql("""
                SELECT id, kind, period_from, period_to, unit_id, title, generated_at, generated_by, scheduled
                FROM statistics.report WHERE unit_id = ANY(?) ORDER BY generated_at DESC, id DESC LIMIT ?""")
                .params(visible.toArray(Long[]::new), max)
                .query((rs, n) -> new Summary(rs.getLong(1), ReportKind.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getBoolean(9)))
                .list();
    }

    /** One report, if the caller's scope reaches its unit (otherwise it does not exist for them). */
    @Transactional // audited: the audit entry is written in the same transaction
    public Report find(long id, StaffUser user) {
        Report r = jdbc.sql("""
                SELECT id, kind, period_from, period_to, unit_id, title, generated_at, generated_by, scheduled, content::text
                FROM statistics.report WHERE id = ?""").param(id)
                .query((rs, n) -> new Report(new Summary(rs.getLong(1), ReportKind.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getBoolean(9)),
                        json.readValue(rs.getString(10), ReportContent.class)))
                .optional().orElseThrow(() -> new NotFoundException("statistics.report.notFound"));
        if (!units.canSee(user, r.summary().unitId())) {
            throw new NotFoundException("statistics.report.notFound");
        }
        audit.record("statistics.report.read", "report", String.valueOf(id), r.summary().kind().name());
        return r;
    }

    /** The report printed to PDF. */
    public byte[] pdf(long id, StaffUser user) {
        ReportContent c = find(id, user).content();
        return printing.pdf(new ReportPrinting.Printable(c.title(),
                List.of("统计期间：" + c.periodLabel() + "　　生成时间：" + c.generatedLabel()),
                c.sections().stream().map(s -> new ReportPrinting.Section(s.heading(), s.paragraphs(),
                        s.tables().stream().map(t -> new ReportPrinting.Table(t.caption(), t.headers(), t.rows())).toList()))
                        .toList()));
    }

    /** The report as an Excel workbook, one sheet per table. */
    public byte[] xlsx(long id, StaffUser user) {
        return ReportWorkbook.write(find(id, user).content());
    }

    private boolean exists(ReportKind kind, StatisticsPeriod period, long unitId) {
        return jdbc.sql("""
                SELECT count(*) FROM statistics.report
                WHERE scheduled AND kind = ? AND period_from = ? AND period_to = ? AND unit_id = ?""")
                .params(kind.name(), period.from(), period.to(), unitId).query(Long.class).single() > 0;
    }

    private long store(ReportKind kind, StatisticsPeriod period, long unitId, ReportContent content, String by,
            boolean scheduled) {
        return jdbc.sql("""
                INSERT INTO statistics.report (kind, period_from, period_to, unit_id, title, content, generated_at,
                    generated_by, scheduled)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING id""")
                .params(kind.name(), period.from(), period.to(), unitId, content.title(), json.writeValueAsString(content),
                        java.sql.Timestamp.from(clock.instant()), by, scheduled)
                .query(Long.class).single();
    }

    /**
     * Who the scheduled reports are computed as: the petition bureau (信访局) of the top territory with the
     * whole territory in scope, the view the bureau's leaders read the cadence with.
     */
    StaffUser systemUser() {
        Unit top = units.territories().get(0);
        Unit bureau = units.unitServing(top, UnitKind.PETITION_BUREAU, null).orElse(top);
        return new StaffUser(0, "system", "系统（定时生成）", bureau.id(), bureau.name(), Set.of(Role.SUPERVISOR),
                DataScope.TERRITORY_AND_BELOW);
    }

    /** Today in China, for the scheduler. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }
}
