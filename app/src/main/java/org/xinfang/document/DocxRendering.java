package org.xinfang.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.springframework.stereotype.Component;

/**
 * Renders a document to DOCX for editing in Word or WPS: the same parts and page as the PDF (A4,
 * 37/26/35/28 mm, fixed 28.95 pt lines), with the runs naming the official fonts — 方正小标宋简体 for the
 * title and letterhead, 仿宋_GB2312 for the body, 黑体 for first-level headings — so the staff's installed
 * fonts are used. No font is embedded: the file is for editing, the PDF is for sending.
 */
@Component
class DocxRendering {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEI_FONT = "黑体";

    private static final int LINE_TWIPS = 579; // 28.95 pt: 22 lines in the 225 mm text block

    byte[] render(OfficialDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            doc.getProperties().getCoreProperties().setTitle(d.title());
            doc.getProperties().getCoreProperties().setCreator(d.signature() == null ? d.organ() : d.signature());
            doc.getProperties().getCoreProperties().setSubjectProperty(d.kind().label());
            pageNumbers(doc);
            if (d.mark() != null) {
                text(doc.createParagraph(), d.mark(), HEI_FONT, 16, false);
            }
            boolean form = d.kind().layout() == DocumentKind.Layout.FORM;
            if (!form) {
                XWPFParagraph organ = doc.createParagraph();
                organ.setAlignment(ParagraphAlignment.CENTER);
                XWPFRun r = text(organ, d.organ(), TITLE_FONT, PdfRendering.letterheadPoints(d.organ()), false);
                r.setColor("C00000");
                if (d.docNumber() != null) {
                    XWPFParagraph no = doc.createParagraph();
                    no.setAlignment(ParagraphAlignment.CENTER);
                    no.setSpacingBefore(240);
                    text(no, d.docNumber(), BODY_FONT, 16, true);
                }
                XWPFParagraph rule = doc.createParagraph();
                rule.setBorderBottom(Borders.SINGLE);
                rule.getCTP().getPPr().getPBdr().getBottom().setColor("C00000");
                rule.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(12));
                title(doc, d.title(), 600);
            } else {
                title(doc, d.title(), 0);
                if (d.docNumber() != null) {
                    XWPFParagraph no = doc.createParagraph();
                    no.setAlignment(ParagraphAlignment.RIGHT);
                    text(no, d.docNumber(), BODY_FONT, 16, true);
                }
            }
            if (d.addressee() != null && !d.addressee().isBlank()) {
                text(body(doc, false), d.addressee(), BODY_FONT, 16, true);
            }
            for (String p : d.paragraphs()) {
                text(body(doc, true), p, OfficialDocument.isHeading(p) ? HEI_FONT : BODY_FONT, 16, true);
            }
            if (!d.rows().isEmpty()) {
                table(doc, d);
            }
            if (d.closing() != null && !d.closing().isBlank()) {
                text(body(doc, true), d.closing(), BODY_FONT, 16, true);
            }
            signature(doc, d);
            if (d.footnote() != null && !d.footnote().isBlank()) {
                XWPFParagraph foot = body(doc, true);
                foot.setSpacingBefore(240);
                text(foot, "（" + d.footnote() + "）", BODY_FONT, 14, true);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("DOCX rendering failed", e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(mm(37)));
        mar.setBottom(BigInteger.valueOf(mm(35)));
        mar.setLeft(BigInteger.valueOf(mm(28)));
        mar.setRight(BigInteger.valueOf(mm(26)));
        mar.setFooter(BigInteger.valueOf(mm(28)));
    }

    /** "— 1 —" centred in the footer, as a PAGE field so Word counts the pages. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        text(p, "— ", TITLE_FONT, 14, false);
        XWPFRun begin = p.createRun();
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun end = p.createRun();
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        text(p, " —", TITLE_FONT, 14, false);
    }

    private static void title(XWPFDocument doc, String title, int before) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(300);
        text(p, title, TITLE_FONT, 22, false);
    }

    private static XWPFParagraph body(XWPFDocument doc, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(LINE_TWIPS / 20.0, LineSpacingRule.EXACT);
        if (indent) {
            p.setIndentationFirstLine(640); // two characters of 16 pt
        }
        return p;
    }

    private static void table(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = doc.createTable(d.rows().size(), 2);
        t.setWidth("100%");
        for (int i = 0; i < d.rows().size(); i++) {
            XWPFTableRow row = t.getRow(i);
            OfficialDocument.Row r = d.rows().get(i);
            row.getCell(0).setWidth("22%");
            row.getCell(1).setWidth("78%");
            XWPFParagraph label = row.getCell(0).getParagraphs().get(0);
            label.setAlignment(ParagraphAlignment.CENTER);
            text(label, r.label(), HEI_FONT, 13, false);
            text(row.getCell(1).getParagraphs().get(0), r.value(), BODY_FONT, 14, true);
        }
    }

    private static void signature(XWPFDocument doc, OfficialDocument d) throws IOException,
            org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingBefore(480);
        if (d.seal() != null) {
            XWPFParagraph seal = doc.createParagraph();
            seal.setAlignment(ParagraphAlignment.RIGHT);
            seal.setIndentationRight(1280);
            seal.createRun().addPicture(new ByteArrayInputStream(d.seal()), Document.PICTURE_TYPE_PNG, "seal.png",
                    Units.toEMU(119), Units.toEMU(119)); // 42 mm
        }
        for (String line : new String[] { d.signature(), d.date() }) {
            XWPFParagraph p = body(doc, false);
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(1280); // 右空四字
            text(p, line, BODY_FONT, 16, true);
        }
    }

    /** Runs in the given font for Chinese and Latin text alike, at the given size in points; one per line. */
    private static XWPFRun text(XWPFParagraph p, String text, String font, int points, boolean breakLines) {
        String[] lines = breakLines ? (text == null ? "" : text).split("\n", -1) : new String[] { text == null ? "" : text };
        XWPFRun first = null;
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = p.createRun();
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i]);
            r.setFontSize(points);
            CTFonts fonts = r.getCTR().isSetRPr() && r.getCTR().getRPr().sizeOfRFontsArray() > 0
                    ? r.getCTR().getRPr().getRFontsArray(0)
                    : (r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr()).addNewRFonts();
            fonts.setEastAsia(font);
            fonts.setAscii(font);
            fonts.setHAnsi(font);
            if (first == null) {
                first = r;
            }
        }
        return first;
    }

    private static long mm(double mm) {
        return Math.round(mm / 25.4 * 1440);
    }
}
