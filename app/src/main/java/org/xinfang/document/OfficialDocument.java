package org.xinfang.document;

import java.util.List;

/**
 * A document ready to render, in the parts GB/T 9704 names: 发文机关标志 (letterhead), 发文字号, 标题,
 * 主送机关 (addressee), 正文, 发文机关署名, 成文日期, 印章, 附注. Forms carry a table of rows instead
 * of body paragraphs; {@code mark} is the 密级-position marking (top left), e.g. the confidentiality notice of a
 * 检举控告 case, or null. Both renderers (PDF and DOCX) draw the same parts.
 */
record OfficialDocument(DocumentKind kind, String mark, String organ, String docNumber, String title, String addressee,
        List<String> paragraphs, List<Row> rows, String closing, String signature, String date, byte[] seal,
        String footnote) {

    record Row(String label, String value) {
    }

    /** A heading of the first level (一、二、…), set in 黑体 as GB/T 9704 asks. */
    static boolean isHeading(String paragraph) {
        return paragraph.matches("^[一二三四五六七八九十]{1,3}、.{1,40}$");
    }

    /** Every piece of text a reader sees, in order; what the tests find again in the rendered files. */
    String allText() {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] { mark, organ, docNumber, title, addressee }) {
            if (s != null) {
                b.append(s).append('\n');
            }
        }
        paragraphs.forEach(p -> b.append(p).append('\n'));
        rows.forEach(r -> b.append(r.label()).append(' ').append(r.value()).append('\n'));
        for (String s : new String[] { closing, signature, date, footnote }) {
            if (s != null) {
                b.append(s).append('\n');
            }
        }
        return b.toString();
    }
}
