package org.xinfang.workbench;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.xinfang.petition.PetitionViews;

/**
 * A work list as an .xlsx sheet with the columns of the inbox, written row by row (streaming, so a
 * 10,000-row export does not hold the whole workbook in memory). Personal data is masked as on screen.
 */
class WorkListWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PageText text;
    private final Map<String, String> regionNames;

    WorkListWorkbook(PageText text, Map<String, String> regionNames) {
        this.text = text;
        this.regionNames = regionNames;
    }

    void write(List<PetitionViews.Row> rows, boolean truncated, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try {
            Sheet sheet = book.createSheet(text.get("inbox.title"));
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            String[] columns = { "col.number", "col.title", "col.petitioner", "col.channel", "col.type", "col.category",
                    "col.region", "col.status", "col.unit", "col.received", "col.due", "col.flags" };
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(text.get(columns[i]));
                header.getCell(i).setCellStyle(head);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (PetitionViews.Row row : rows) {
                Row line = sheet.createRow(r++);
                int c = 0;
                line.createCell(c++).setCellValue(row.number());
                line.createCell(c++).setCellValue(row.title());
                line.createCell(c++).setCellValue(nullToEmpty(row.petitioner()));
                line.createCell(c++).setCellValue(text.get("channel." + row.channel()));
                line.createCell(c++).setCellValue(text.get("type." + row.type()));
                line.createCell(c++).setCellValue(nullToEmpty(row.category()));
                line.createCell(c++).setCellValue(regionNames.getOrDefault(row.regionCode(), row.regionCode()));
                line.createCell(c++).setCellValue(row.statusLabel());
                line.createCell(c++).setCellValue(row.currentUnit().name());
                line.createCell(c++).setCellValue(row.receivedAt() == null ? "" : TIME.format(row.receivedAt()));
                line.createCell(c++).setCellValue(due(row));
                line.createCell(c).setCellValue(flags(row));
            }
            if (truncated) {
                sheet.createRow(r).createCell(0).setCellValue("……仅导出前 " + rows.size() + " 件，请缩小筛选范围后分批导出。");
            }
            // fixed widths (in characters): measuring text needs AWT fonts, which servers often lack
            int[] widths = { 24, 40, 10, 10, 12, 14, 14, 12, 30, 18, 36, 16 };
            for (int i = 0; i < columns.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
        } finally {
            book.close();
        }
    }

    private String due(PetitionViews.Row row) {
        if (row.nextDueDate() == null) {
            return "";
        }
        String left = row.daysLeft() < 0 ? text.get("due.over", -row.daysLeft())
                : row.daysLeft() == 0 ? text.get("due.today") : text.get("due.left", row.daysLeft());
        return row.nextDueDate() + "（" + row.nextDueLabel() + "，" + left + "）";
    }

    private String flags(PetitionViews.Row row) {
        List<String> flags = new ArrayList<>();
        PetitionViews.Flags f = row.flags();
        if (f.repeat()) {
            flags.add(text.get("flag.REPEAT"));
        }
        if (f.skipLevel()) {
            flags.add(text.get("flag.SKIP_LEVEL"));
        }
        if (f.firstTime()) {
            flags.add(text.get("flag.FIRST_TIME"));
        }
        if (f.urgent()) {
            flags.add(text.get("flag.URGENT"));
        }
        return String.join("、", flags);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
