package org.xinfang.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Prints a report (统计报表, 通报 …) of headed sections, paragraphs and tables to an A4 PDF with the same
 * embedded fonts and the same glyph check as the official documents, for modules that produce reports
 * rather than notices. Landscape when the widest table needs it.
 */
@Component
public class ReportPrinting {

    /** A report to print. */
    public record Printable(String title, List<String> subtitle, List<Section> sections) {
    }

    /** One section: a heading, paragraphs, tables. */
    public record Section(String heading, List<String> paragraphs, List<Table> tables) {
    }

    /** One table with a caption and a header row. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
    }

    /** Tables wider than this many columns are printed on a landscape page. */
    static final int LANDSCAPE_FROM_COLUMNS = 7;

    private final DocumentFonts fonts;

    ReportPrinting(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    /** The PDF; refuses (naming the character) a text the installed fonts cannot draw. */
    public byte[] pdf(Printable report) {
        var title = fonts.title();
        var body = fonts.body();
        var fallback = fonts.fallback();
        StringBuilder all = new StringBuilder(report.title());
        report.subtitle().forEach(all::append);
        for (Section s : report.sections()) {
            all.append(s.heading());
            s.paragraphs().forEach(all::append);
            for (Table t : s.tables()) {
                all.append(t.caption());
                t.headers().forEach(all::append);
                t.rows().forEach(r -> r.forEach(all::append));
            }
        }
        fonts.requireGlyphs(all.toString());
        String html = html(report, "'" + title.font().family() + "'", "'" + body.font().family() + "'",
                "'" + fallback.font().family() + "'");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        synchronized (fonts) { // see PdfRendering: the parsed fonts are shared and not thread-safe
            try (PDDocument pdf = new PDDocument()) {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(pdf);
                builder.withProducer("Xinfang");
                for (DocumentFonts.Checked f : List.of(title, body, fallback)) {
                    builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, f.ttf(), true)), f.font().family());
                }
                builder.withHtmlContent(html, null);
                builder.toStream(out);
                builder.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }

    static String html(Printable r, String titleFont, String bodyFont, String heiFont) {
        boolean landscape = r.sections().stream().flatMap(s -> s.tables().stream())
                .anyMatch(t -> t.headers().size() >= LANDSCAPE_FROM_COLUMNS);
        StringBuilder h = new StringBuilder(16384);
        h.append("<html><head><meta charset=\"UTF-8\"/><title>").append(PdfRendering.esc(r.title())).append("</title><style>")
                .append("@page { size: ").append(landscape ? "297mm 210mm" : "210mm 297mm")
                .append("; margin: 20mm 18mm 20mm 18mm; @bottom-center { content: '— ' counter(page) ' —'; font-family: ")
                .append(titleFont).append("; font-size: 10pt; } }")
                .append("body { margin: 0; font-family: ").append(bodyFont).append(", ").append(heiFont)
                .append("; font-size: 11pt; line-height: 1.6; color: #000; }")
                .append("h1 { font-family: ").append(titleFont).append(", ").append(heiFont)
                .append("; font-weight: normal; font-size: 18pt; text-align: center; margin: 0 0 2mm 0; }")
                .append(".sub { text-align: center; font-size: 10pt; color: #333; margin: 0; }")
                .append("h2 { font-family: ").append(heiFont).append("; font-weight: normal; font-size: 13pt; margin: 6mm 0 2mm 0; }")
                .append("p { margin: 0 0 1.5mm 0; text-indent: 2em; text-align: justify; }")
                .append("table { width: 100%; border-collapse: collapse; font-size: 9.5pt; line-height: 1.35; margin: 1mm 0 3mm 0;")
                .append(" -fs-table-paginate: paginate; }")
                .append("caption { font-family: ").append(heiFont).append("; font-size: 10pt; text-align: left; padding-bottom: 1mm; }")
                .append("th { font-family: ").append(heiFont).append("; font-weight: normal; background: #eee; }")
                .append("th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }")
                .append("td.n { text-align: right; }")
                .append("tr { page-break-inside: avoid; }")
                .append("</style></head><body>");
        h.append("<h1>").append(PdfRendering.esc(r.title())).append("</h1>");
        for (String s : r.subtitle()) {
            h.append("<p class=\"sub\">").append(PdfRendering.esc(s)).append("</p>");
        }
        for (Section s : r.sections()) {
            h.append("<h2>").append(PdfRendering.esc(s.heading())).append("</h2>");
            for (String p : s.paragraphs()) {
                h.append("<p>").append(PdfRendering.esc(p)).append("</p>");
            }
            for (Table t : s.tables()) {
                h.append("<table><caption>").append(PdfRendering.esc(t.caption())).append("</caption><thead><tr>");
                t.headers().forEach(x -> h.append("<th>").append(PdfRendering.esc(x)).append("</th>"));
                h.append("</tr></thead><tbody>");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        String v = row.get(i);
                        boolean numeric = i > 0 && v != null && v.matches("[-+]?[0-9.,]+%?|—");
                        h.append(numeric ? "<td class=\"n\">" : "<td>").append(PdfRendering.esc(v)).append("</td>");
                    }
                    h.append("</tr>");
                }
                h.append("</tbody></table>");
            }
        }
        return h.append("</body></html>").toString();
    }
}
