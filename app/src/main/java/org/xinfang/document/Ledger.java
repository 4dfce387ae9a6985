package org.xinfang.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.Masking;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.petition.Rating;
import org.xinfang.routing.RouteMode;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RuleViolationException;

/**
 * 信访事项台账: one row per matter received in a period, in the columns bureaus keep in Excel, limited to
 * what the caller may see. Petitioners' names are shown in full only to the roles that see them on
 * screen (登记员, 承办人, 审核人), masked for everyone else. Every export is audited.
 */
@Service
public class Ledger {

    /** Column headings, in the order of the bureaus' ledgers. */
    public static final List<String> COLUMNS = List.of("编号", "来源渠道", "登记日期", "信访人", "问题属地", "内容分类",
            "标题/摘要", "转送/交办单位", "受理日期", "办理期限", "办结日期", "处理结果", "满意度", "状态");

    /** More rows than a spreadsheet is useful for; a narrower period is asked for instead. */
    static final int MAX_ROWS = 20_000;

    private final JdbcClient jdbc;
    private final PetitionScope scope;
    private final Petitioners petitioners;
    private final Units units;
    private final AuditLog audit;

    Ledger(JdbcClient jdbc, PetitionScope scope, Petitioners petitioners, Units units, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.petitioners = petitioners;
        this.units = units;
        this.audit = audit;
    }

    /** One row of the ledger. */
    public record Line(String number, String channel, LocalDate registered, String petitioner, String place,
            String category, String title, String routedTo, LocalDate accepted, LocalDate due, LocalDate concluded,
            String outcome, String rating, String status) {
    }

    /** The rows received from {@code from} to {@code to} (inclusive, China time), optionally of one status. */
    @Transactional
    public List<Line> lines(LocalDate from, LocalDate to, PetitionStatus status, StaffUser user) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("to", "document.ledger.range");
        }
        StringBuilder where = new StringBuilder(" WHERE " + PetitionScope.CONDITION);
        List<Object> params = new ArrayList<>(List.of(scope.parameters(user)));
        if (from != null) {
            where.append(" AND p.received_at >= ?");
            params.add(Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (to != null) {
            where.append(" AND p.received_at < ?");
            params.add(Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (status != null) {
            where.append(" AND p.status = ?");
            params.add(status.name());
        }
        params.add(MAX_ROWS + 1);
        boolean fullNames = user.hasAny(Role.CLERK, Role.HANDLER, Role.APPROVER);
        Map<String, String> places = new HashMap<>();
        List<Line> lines = jdbc.sql("""
                SELECT p.number, p.channel, p.registered_at, p.petitioner_id, p.region_code, p.category, p.title,
                       p.status, p.outcome, p.replied_at, p.closed_at, p.rating,
                       (SELECT t.event || '|' || u.name FROM petition.timeline t JOIN organization.unit u ON u.id = t.unit_id
                         WHERE t.petition_id = p.id AND t.event IN ('FORWARD', 'ASSIGN', 'TO_DISCIPLINE', 'GUIDED')
                         ORDER BY t.id DESC LIMIT 1) AS routed,
                       (SELECT min(t.at) FROM petition.timeline t WHERE t.petition_id = p.id AND t.event = 'ACCEPTED') AS accepted_at,
                       (SELECT c.due_date FROM deadline.clock c WHERE c.subject_id = p.id AND c.period IN ('HANDLE', 'SIMPLIFIED')
                         ORDER BY c.started_at DESC LIMIT 1) AS handle_due
                FROM petition.petition p""" + where + " ORDER BY p.received_at, p.number LIMIT ?")
                .params(params)
                .query((rs, n) -> {
                    UUID petitioner = rs.getObject("petitioner_id", UUID.class);
                    String name = petitioners.find(petitioner).map(PetitionerDetails::name).orElse("");
                    String routed = rs.getString("routed");
                    String routedTo = "";
                    if (routed != null) {
                        String[] parts = routed.split("\\|", 2);
                        routedTo = (parts[0].equals("GUIDED") ? "导入法定途径" : RouteMode.valueOf(parts[0]).label()) + "："
                                + parts[1];
                    }
                    String outcome = rs.getString("outcome");
                    String rating = rs.getString("rating");
                    Timestamp concluded = rs.getTimestamp("replied_at") != null ? rs.getTimestamp("replied_at")
                            : rs.getTimestamp("closed_at");
                    return new Line(rs.getString("number"), Channel.valueOf(rs.getString("channel")).label(),
                            day(rs.getTimestamp("registered_at")), fullNames ? name : Masking.name(name),
                            places.computeIfAbsent(rs.getString("region_code"), this::place),
                            Optional.ofNullable(rs.getString("category")).orElse(""), rs.getString("title"), routedTo,
                            day(rs.getTimestamp("accepted_at")), date(rs.getDate("handle_due")), day(concluded),
                            outcome == null ? "" : Outcome.valueOf(outcome).label(),
                            rating == null ? "" : Rating.valueOf(rating).label(),
                            PetitionStatus.valueOf(rs.getString("status")).label());
                })
                .list();
        if (lines.size() > MAX_ROWS) {
            throw new RuleViolationException("document.ledger.tooMany", MAX_ROWS);
        }
        audit.record("petition.ledger.exported", "ledger", (from == null ? "" : from) + ".." + (to == null ? "" : to),
                lines.size() + " rows" + (status == null ? "" : " " + status.name()) + (fullNames ? ", names shown" : ", names masked"));
        return lines;
    }

    /** The ledger as an Excel workbook: a title row, the headings (frozen, with filters), one row per matter. */
    @Transactional
    public byte[] xlsx(LocalDate from, LocalDate to, PetitionStatus status, StaffUser user) {
        List<Line> lines = lines(from, to, status, user);
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = book.createSheet("信访事项台账");
            Font bold = book.createFont();
            bold.setBold(true);
            bold.setFontName("宋体");
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            big.setFontName("宋体");
            CellStyle title = book.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle head = bordered(book.createCellStyle());
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = bordered(book.createCellStyle());
            text.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle wrap = bordered(book.createCellStyle());
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle date = bordered(book.createCellStyle());
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            date.setVerticalAlignment(VerticalAlignment.TOP);

            Row t = sheet.createRow(0);
            t.setHeightInPoints(28);
            Cell tc = t.createCell(0);
            tc.setCellValue("信访事项台账（" + (from == null ? "" : from) + " 至 " + (to == null ? "" : to) + "）");
            tc.setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
            Row h = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(COLUMNS.get(i));
                c.setCellStyle(head);
            }
            int r = 2;
            for (Line l : lines) {
                Row row = sheet.createRow(r++);
                Object[] values = { l.number(), l.channel(), l.registered(), l.petitioner(), l.place(), l.category(),
                        l.title(), l.routedTo(), l.accepted(), l.due(), l.concluded(), l.outcome(), l.rating(), l.status() };
                for (int i = 0; i < values.length; i++) {
                    Cell c = row.createCell(i);
                    if (values[i] instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    } else {
                        c.setCellValue(values[i] == null ? "" : values[i].toString());
                        c.setCellStyle(i == 6 || i == 7 ? wrap : text);
                    }
                }
            }
            int[] widths = { 24, 10, 12, 10, 16, 12, 40, 30, 12, 12, 12, 10, 10, 12 };
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(1, 2);
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, COLUMNS.size() - 1));
            book.write(out);
            book.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bordered(CellStyle s) {
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private String place(String regionCode) {
        for (int len : new int[] { 12, 9, 6 }) {
            if (regionCode != null && regionCode.length() >= len) {
                Optional<Unit> t = units.territory(regionCode.substring(0, len));
                if (t.isPresent()) {
                    return t.get().name();
                }
            }
        }
        return regionCode == null ? "" : regionCode;
    }

    private static LocalDate day(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(ChinaTime.ZONE).toLocalDate();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
