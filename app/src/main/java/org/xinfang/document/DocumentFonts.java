package org.xinfang.document;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinfang.shared.RuleViolationException;

/**
 * The three fonts of the documents, checked before every rendering: the file must exist and hold the
 * named face, and every character of the document must have a glyph in one of them. Anything missing is
 * refused with a message that names the font (and the Debian package that has it) or the character —
 * a document never goes out with empty boxes where characters should be.
 */
@Component
class DocumentFonts {

    private static final Logger log = LoggerFactory.getLogger(DocumentFonts.class);

    /**
     * A checked font: its file, family, parsed font and character map. Parsing a CJK font's tables takes
     * seconds, so it is done once; the parsed font is not safe for concurrent use (see {@link PdfRendering}).
     */
    record Checked(DocumentSettings.Font font, File file, TrueTypeFont ttf, CmapLookup cmap) {

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }

    private final DocumentSettings.Fonts fonts;
    private volatile List<Checked> checked;

    DocumentFonts(DocumentSettings settings) {
        this.fonts = settings.fonts();
    }

    /** Title, body and fallback font, each checked; throws naming the first one missing. */
    List<Checked> require() {
        List<Checked> c = checked;
        if (c != null && c.stream().allMatch(f -> f.file().isFile())) {
            return c;
        }
        synchronized (this) {
            List<Checked> loaded = new ArrayList<>();
            for (DocumentSettings.Font f : List.of(fonts.title(), fonts.body(), fonts.fallback())) {
                loaded.add(check(f));
            }
            checked = List.copyOf(loaded);
            return checked;
        }
    }

    Checked title() {
        return require().get(0);
    }

    Checked body() {
        return require().get(1);
    }

    Checked fallback() {
        return require().get(2);
    }

    /** Refuses a text with a character none of the fonts can draw. */
    void requireGlyphs(String text) {
        List<Checked> all = require();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && cp != 0x3000)
                .filter(cp -> all.stream().noneMatch(f -> f.has(cp))).findFirst().ifPresent(cp -> {
                    throw new RuleViolationException("document.font.glyphMissing", new String(Character.toChars(cp)),
                            String.format("U+%04X", cp), String.join("、", all.stream().map(f -> f.font().family()).toList()));
                });
    }

    private static Checked check(DocumentSettings.Font font) {
        File file = new File(font.file());
        String hint = font.debianPackage() == null ? "" : "（Debian 软件包 " + font.debianPackage() + "）";
        if (!file.isFile() || !file.canRead()) {
            throw new RuleViolationException("document.font.missing", font.family(), font.file(), hint);
        }
        try {
            TrueTypeFont ttf = font.file().toLowerCase().endsWith(".ttc") ? face(file, font.family())
                    : new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            if (ttf == null) {
                throw new RuleViolationException("document.font.missing", font.family(), font.file(), hint);
            }
            return new Checked(font, file, ttf, ttf.getUnicodeCmapLookup());
        } catch (IOException e) {
            throw new RuleViolationException("document.font.unreadable", font.family(), font.file(), e.getMessage());
        }
    }

    /** The face of a collection whose family is {@code family}; the collection stays open for the cmap. */
    private static TrueTypeFont face(File file, String family) throws IOException {
        TrueTypeCollection collection = new TrueTypeCollection(file);
        TrueTypeFont[] found = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
            if (found[0] == null && f.getNaming() != null && family.equals(f.getNaming().getFontFamily())) {
                found[0] = f;
            }
        });
        if (found[0] == null) {
            collection.close();
        }
        return found[0];
    }

    /** Says at start-up, not at the first notice, that a font is missing. */
    @EventListener(ApplicationReadyEvent.class)
    void warnIfMissing() {
        try {
            require();
        } catch (RuleViolationException e) {
            log.error("Official documents cannot be rendered until the fonts are installed: {} {}", e.messageKey(),
                    java.util.Arrays.toString(e.args()));
        }
    }
}
