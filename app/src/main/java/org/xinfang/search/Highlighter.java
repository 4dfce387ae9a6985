package org.xinfang.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Marks the searched words in a text for display: HTML-escaped text with {@code <mark>…</mark>}
 * around each occurrence, and a short snippet around the first one. Done here rather than with
 * {@code ts_headline}, whose parser does not know Chinese words.
 */
final class Highlighter {

    static final int SNIPPET_CHARS = 80;

    private final List<String> words;

    Highlighter(List<String> words) {
        // longest first, so 东湖区 wins over 东湖 where both match
        this.words = words.stream().filter(w -> !w.isBlank()).sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The whole text, escaped, with the words marked. */
    String mark(String text) {
        if (text == null) {
            return null;
        }
        String lower = ChineseSegmenter.normalize(text);
        boolean sameLength = lower.length() == text.length(); // NFKC may change lengths; then match on the text itself
        String haystack = sameLength ? lower : text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            String hit = null;
            for (String w : words) {
                if (haystack.startsWith(w, i)) {
                    hit = w;
                    break;
                }
            }
            if (hit != null) {
                out.append("<mark>");
                escape(text.substring(i, i + hit.length()), out);
                out.append("</mark>");
                i += hit.length();
            } else {
                escape(text.substring(i, i + 1), out);
                i++;
            }
        }
        return out.toString();
    }

    /** How many of the searched words occur in the text. */
    int matches(String text) {
        if (text == null) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return (int) words.stream().filter(lower::contains).count();
    }

    /** About {@link #SNIPPET_CHARS} characters around the first marked word, or null if none occurs. */
    String snippet(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int first = -1;
        for (String w : words) {
            int at = lower.indexOf(w);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        if (first < 0) {
            return null;
        }
        int from = Math.max(0, first - SNIPPET_CHARS / 3);
        int to = Math.min(text.length(), from + SNIPPET_CHARS);
        List<String> parts = new ArrayList<>();
        parts.add(from > 0 ? "…" : "");
        parts.add(mark(text.substring(from, to)));
        parts.add(to < text.length() ? "…" : "");
        return String.join("", parts);
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
