package org.xinfang.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xinfang.campaign.CampaignViews.CaseView;
import org.xinfang.campaign.CampaignViews.Detail;
import org.xinfang.campaign.CampaignViews.DispatchHead;
import org.xinfang.campaign.CampaignViews.ProgressRow;

/**
 * 积案攻坚进度报告 as an Excel workbook (staff pass these on to leaders and merge them into their own
 * ledgers): a sheet of the cases with plan, class and closure, and a sheet with the 调度 progress table.
 */
final class CampaignWorkbook {

    private CampaignWorkbook() {
    }

    static byte[] of(Detail d) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle title = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 14);
            title.setFont(bold);
            CellStyle head = bordered(book.createCellStyle());
            Font headFont = book.createFont();
            headFont.setBold(true);
            head.setFont(headFont);
            CellStyle text = bordered(book.createCellStyle());
            text.setWrapText(true);

            Sheet cases = book.createSheet("攻坚案件");
            String[] caseHeads = { "信访件编号", "标题", "信访事项状态", "积案天数", "包案领导", "化解方案", "化解措施",
                    "化解期限", "三到位一处理", "最近调度进展", "攻坚状态", "结案依据", "结案说明" };
            int r = header(cases, d, caseHeads, title, head);
            for (CaseView c : d.cases()) {
                Row row = cases.createRow(r++);
                Object[] values = { c.petitionNumber(), c.title(), c.petitionStatusLabel(), c.ageDays(),
                        c.responsibleLeader(), c.plan(), c.measures(), c.dueOn() == null ? null : c.dueOn().toString(),
                        c.resolutionClassLabel(), c.latestStageLabel(), c.open() ? (c.overdue() ? "攻坚中（已超期）" : "攻坚中") : "已结案",
                        c.closureGroundLabel(), c.closureNote() };
                fill(row, values, text);
            }
            widths(cases, 16, 30, 12, 8, 10, 36, 36, 12, 22, 12, 14, 10, 30);

            Sheet progress = book.createSheet("调度进度表");
            List<DispatchHead> rounds = d.progress().rounds();
            String[] heads = new String[4 + rounds.size()];
            heads[0] = "信访件编号";
            heads[1] = "标题";
            heads[2] = "包案领导";
            for (int i = 0; i < rounds.size(); i++) {
                heads[3 + i] = "第" + (i + 1) + "次调度 " + rounds.get(i).heldOn();
            }
            heads[3 + rounds.size()] = "攻坚状态";
            r = header(progress, d, heads, title, head);
            for (ProgressRow p : d.progress().rows()) {
                Object[] values = new Object[heads.length];
                values[0] = p.petitionNumber();
                values[1] = p.title();
                values[2] = p.responsibleLeader();
                for (int i = 0; i < rounds.size(); i++) {
                    CampaignViews.Cell cell = p.cells().get(i);
                    values[3 + i] = cell == null ? "未报送"
                            : cell.stageLabel() + (cell.note() == null || cell.note().isEmpty() ? "" : "：" + cell.note());
                }
                values[3 + rounds.size()] = p.statusLabel();
                fill(progress.createRow(r++), values, text);
            }
            Row closed = progress.createRow(r);
            Object[] totals = new Object[heads.length];
            totals[0] = "截至当次已结案";
            for (int i = 0; i < rounds.size(); i++) {
                totals[3 + i] = d.progress().closedByRound().get(i) + " / " + d.cases().size();
            }
            fill(closed, totals, head);
            progress.setColumnWidth(0, 16 * 256);
            progress.setColumnWidth(1, 30 * 256);
            progress.setColumnWidth(2, 10 * 256);
            for (int i = 0; i <= rounds.size(); i++) {
                progress.setColumnWidth(3 + i, 22 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int header(Sheet sheet, Detail d, String[] heads, CellStyle title, CellStyle head) {
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(d.summary().name() + "（" + d.summary().startsOn() + " 至 " + d.summary().endsOn() + "）");
        t.setCellStyle(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, heads.length - 1)));
        sheet.createRow(1).createCell(0).setCellValue("组织单位：" + d.summary().unitName() + "　选案规则：" + d.rulesText()
                + "　案件 " + d.summary().cases() + " 件，已结案 " + d.summary().closed() + " 件");
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.max(1, heads.length - 1)));
        Row h = sheet.createRow(2);
        for (int i = 0; i < heads.length; i++) {
            Cell c = h.createCell(i);
            c.setCellValue(heads[i]);
            c.setCellStyle(head);
        }
        sheet.createFreezePane(1, 3);
        return 3;
    }

    private static void fill(Row row, Object[] values, CellStyle style) {
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i);
            if (values[i] instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                c.setCellValue(values[i].toString());
            }
            c.setCellStyle(style);
        }
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static CellStyle bordered(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }
}
