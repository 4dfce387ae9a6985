package org.xinfang.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Renders a document to PDF after GB/T 9704: A4, margins 37/26/35/28 mm (a text block of 156 × 225 mm,
 * 22 lines of 28 characters), letterhead in red, title at 二号 (22 pt) in the title font, body at 三号
 * (16 pt) in the body font, first-level headings in 黑体, the date right-aligned four characters in, the
 * seal pressed over the signature and date, page numbers "— 1 —". The layout is HTML and CSS drawn by
 * openhtmltopdf, which embeds a subset of each font used, so the file prints the same on any machine.
 */
@Component
class PdfRendering {

    /**
     * openhtmltopdf logs every font load and page at INFO; only its warnings are worth a line in the
     * application log.
     */
    static {
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private final DocumentFonts fonts;

    PdfRendering(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(OfficialDocument doc) {
        var title = fonts.title();
        var body = fonts.body();
        var fallback = fonts.fallback();
        fonts.requireGlyphs(doc.allText());
        String html = html(doc, family(title), family(body), family(fallback));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        // The parsed fonts are shared between renderings (parsing them again costs seconds each time) and
        // fontbox reads glyph data from them without locking, so one document is rendered at a time.
        synchronized (fonts) {
            try (PDDocument pdf = new PDDocument()) {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(pdf);
                builder.withProducer("Xinfang");
                for (DocumentFonts.Checked f : List.of(title, body, fallback)) {
                    // subset = true: only the glyphs used are embedded, a few dozen KB instead of 20 MB
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

    private static String family(DocumentFonts.Checked f) {
        return "'" + f.font().family().replace("'", "") + "'";
    }

    static String html(OfficialDocument d, String titleFont, String bodyFont, String heiFont) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<html><head><meta charset=\"UTF-8\"/><title>").append(esc(d.title())).append("</title>")
                .append("<meta name=\"author\" content=\"").append(esc(d.signature() == null ? d.organ() : d.signature()))
                .append("\"/><meta name=\"subject\" content=\"").append(esc(d.kind().label())).append("\"/><style>")
                .append("@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm;")
                .append(" @bottom-center { content: '— ' counter(page) ' —'; font-family: ").append(titleFont)
                .append("; font-size: 14pt; vertical-align: top; padding-top: 7mm; } }")
                .append("body { margin: 0; font-family: ").append(bodyFont).append(", ").append(heiFont)
                .append("; font-size: 16pt; line-height: 28.9pt; color: #000; }")
                .append(".mark { font-family: ").append(heiFont).append("; font-size: 16pt; }")
                .append(".organ { font-family: ").append(titleFont).append(", ").append(heiFont)
                .append("; color: #c00000; font-size: 30pt; line-height: 1.3; text-align: center; letter-spacing: 2pt; margin-top: 4mm; }")
                .append(".docno { text-align: center; margin-top: 7mm; }")
                .append(".docno.form { text-align: right; margin-top: 2mm; }")
                .append(".rule { border-top: 1.2pt solid #c00000; margin-top: 4mm; height: 0; }")
                .append("h1 { font-family: ").append(titleFont).append(", ").append(heiFont)
                .append("; font-weight: normal; font-size: 22pt; line-height: 1.45; text-align: center; margin: 9mm 0 5mm 0; }")
                .append("h1.form { margin-top: 4mm; margin-bottom: 2mm; }")
                .append("p { margin: 0; text-indent: 2em; text-align: justify; }")
                .append("p.addressee { text-indent: 0; }")
                .append("p.heading { font-family: ").append(heiFont).append("; }")
                .append("table { width: 100%; border-collapse: collapse; font-size: 14pt; line-height: 1.6; margin-top: 2mm; }")
                .append("td { border: 0.8pt solid #000; padding: 1.5mm 2mm; vertical-align: middle; }")
                .append("td.label { width: 30mm; text-align: center; font-family: ").append(heiFont).append("; font-size: 13pt; }")
                .append(".signwrap { margin-top: 10mm; text-align: right; padding-right: 4em; page-break-inside: avoid; }")
                .append(".sign { display: inline-block; position: relative; text-align: center; }")
                .append(".sign p { text-indent: 0; text-align: center; }")
                .append(".sign.sealed { padding-bottom: 6mm; }") // the seal reaches a little below the date
                .append(".seal { position: absolute; left: 50%; margin-left: -21mm; top: -16mm; width: 42mm; height: 42mm; }")
                .append(".foot { margin-top: 5mm; text-indent: 2em; font-size: 14pt; page-break-inside: avoid; }")
                .append("</style></head><body>");
        if (d.mark() != null) {
            h.append("<div class=\"mark\">").append(esc(d.mark())).append("</div>");
        }
        boolean form = d.kind().layout() == DocumentKind.Layout.FORM;
        if (!form) {
            h.append("<div class=\"organ\" style=\"font-size: ").append(letterheadPoints(d.organ())).append("pt\">")
                    .append(esc(d.organ())).append("</div>");
            if (d.docNumber() != null) {
                h.append("<div class=\"docno\">").append(esc(d.docNumber())).append("</div>");
            }
            h.append("<div class=\"rule\"></div>");
            h.append("<h1>").append(esc(d.title())).append("</h1>");
        } else {
            h.append("<h1 class=\"form\">").append(esc(d.title())).append("</h1>");
            if (d.docNumber() != null) {
                h.append("<div class=\"docno form\">").append(esc(d.docNumber())).append("</div>");
            }
        }
        if (d.addressee() != null && !d.addressee().isBlank()) {
            h.append("<p class=\"addressee\">").append(esc(d.addressee())).append("</p>");
        }
        for (String p : d.paragraphs()) {
            h.append(OfficialDocument.isHeading(p) ? "<p class=\"heading\">" : "<p>").append(esc(p)).append("</p>");
        }
        if (!d.rows().isEmpty()) {
            h.append("<table>");
            for (OfficialDocument.Row r : d.rows()) {
                h.append("<tr><td class=\"label\">").append(esc(r.label())).append("</td><td>").append(esc(r.value()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        if (d.closing() != null && !d.closing().isBlank()) {
            h.append("<p>").append(esc(d.closing())).append("</p>");
        }
        // GB/T 9704: the date four characters in from the right, the organ centred over it, the seal
        // pressed centrally over both so that they sit in its lower half
        h.append("<div class=\"signwrap\"><div class=\"sign").append(d.seal() == null ? "" : " sealed").append("\">");
        if (d.seal() != null) {
            h.append("<img class=\"seal\" alt=\"印章\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(d.seal())).append("\"/>");
        }
        h.append("<p>").append(esc(d.signature())).append("</p><p>").append(esc(d.date())).append("</p></div></div>");
        if (d.footnote() != null && !d.footnote().isBlank()) {
            h.append("<p class=\"foot\">（").append(esc(d.footnote())).append("）</p>");
        }
        return h.append("</body></html>").toString();
    }

    /** The letterhead on one line: 30 pt, smaller for long names so the 156 mm text block holds them. */
    static int letterheadPoints(String organ) {
        int chars = organ == null ? 0 : organ.codePointCount(0, organ.length());
        return chars <= 13 ? 30 : Math.max(16, 420 / chars - 2);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // characters XML 1.0 forbids would break the parser; they have no business in a notice
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
