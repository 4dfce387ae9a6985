package org.xinfang.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the fonts of the documents come from and whether documents are made on the lifecycle events.
 * The defaults are Debian's freely licensed fonts: AR PL UMing (a 宋体-style Ming face) for titles in the
 * place of 方正小标宋, AR PL UKai (楷体) for the body in the place of 仿宋_GB2312, and WenQuanYi Zen Hei (黑体)
 * for first-level headings and any character the others lack. A TrueType collection (.ttc) names the
 * face by its family; a single .ttf is registered under the family given.
 *
 * @param title            the title and letterhead font (XINFANG_DOCUMENT_FONTS_TITLE_FILE …)
 * @param body             the body font
 * @param fallback         the heading font and the fallback for every missing character
 * @param generateOnEvents make each statutory notice when its step happens (off only for special set-ups)
 */
@ConfigurationProperties("xinfang.document")
record DocumentSettings(Fonts fonts, @DefaultValue("true") boolean generateOnEvents) {

    record Fonts(@DefaultValue Font title, @DefaultValue Font body, @DefaultValue Font fallback) {
    }

    /** One font: a file and the family (the face inside a .ttc). */
    record Font(String file, String family, String debianPackage) {
    }

    DocumentSettings {
        if (fonts == null) {
            fonts = new Fonts(null, null, null);
        }
        fonts = new Fonts(
                orDefault(fonts.title(), "/usr/share/fonts/truetype/arphic/uming.ttc", "AR PL UMing CN", "fonts-arphic-uming"),
                orDefault(fonts.body(), "/usr/share/fonts/truetype/arphic/ukai.ttc", "AR PL UKai CN", "fonts-arphic-ukai"),
                orDefault(fonts.fallback(), "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei",
                        "fonts-wqy-zenhei"));
    }

    private static Font orDefault(Font f, String file, String family, String pkg) {
        if (f == null) {
            return new Font(file, family, pkg);
        }
        return new Font(blank(f.file()) ? file : f.file(), blank(f.family()) ? family : f.family(),
                blank(f.debianPackage()) ? (blank(f.file()) ? pkg : null) : f.debianPackage());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
