package org.xinfang.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook: a first sheet with the title and the text, then one sheet per table, with
 * numbers as numbers (percentages as fractions formatted 0.0%) so staff can compute on them.
 */
final class ReportWorkbook {

    private ReportWorkbook() {
    }

    static byte[] write(ReportContent c) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));

            Sheet summary = wb.createSheet("说明");
            int r = 0;
            cell(summary.createRow(r++), 0, c.title(), bold);
            cell(summary.createRow(r++), 0, "统计期间：" + c.periodLabel(), null);
            cell(summary.createRow(r++), 0, "生成时间：" + c.generatedLabel(), null);
            for (ReportContent.Section s : c.sections()) {
                r++;
                cell(summary.createRow(r++), 0, s.heading(), bold);
                for (String p : s.paragraphs()) {
                    cell(summary.createRow(r++), 0, p, null);
                }
            }
            summary.setColumnWidth(0, 120 * 256);

            Set<String> names = new HashSet<>(Set.of("说明"));
            for (ReportContent.Section s : c.sections()) {
                for (ReportContent.Table t : s.tables()) {
                    String name = unique(names, WorkbookUtil.createSafeSheetName(t.caption()));
                    Sheet sheet = wb.createSheet(name);
                    Row head = sheet.createRow(0);
                    for (int i = 0; i < t.headers().size(); i++) {
                        cell(head, i, t.headers().get(i), bold);
                    }
                    int rr = 1;
                    for (List<String> row : t.rows()) {
                        Row x = sheet.createRow(rr++);
                        for (int i = 0; i < row.size(); i++) {
                            value(x, i, row.get(i), percent);
                        }
                    }
                    for (int i = 0; i < t.headers().size(); i++) {
                        sheet.setColumnWidth(i, (i == 0 || t.headers().get(i).equals("事项") ? 30 : 14) * 256);
                    }
                    sheet.createFreezePane(0, 1);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique(Set<String> names, String name) {
        String n = name.length() > 28 ? name.substring(0, 28) : name;
        String candidate = n;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = n + i;
        }
        return candidate;
    }

    private static void value(Row row, int col, String v, CellStyle percent) {
        if (v != null && col > 0 && v.matches("-?\\d+")) {
            row.createCell(col).setCellValue(Long.parseLong(v));
        } else if (v != null && col > 0 && v.matches("-?\\d+(\\.\\d+)?%")) {
            Cell cell = row.createCell(col);
            cell.setCellValue(Double.parseDouble(v.substring(0, v.length() - 1)) / 100.0);
            cell.setCellStyle(percent);
        } else {
            cell(row, col, v, null);
        }
    }

    private static void cell(Row row, int col, String v, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(v == null ? "" : v);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
