package org.xinfang.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xinfang.search.ChineseSegmenter;

/**
 * Turns a petition's text into the sparse features of the classifier: the words smartcn finds (prefix
 * {@code w:}), the title's words again (prefix {@code t:}, because the title names the matter), and
 * the character bigrams of each run of Chinese text (prefix {@code b:}), which survive segmentation
 * errors and make text segmented by another tool (the extra training file) comparable.
 */
final class TextFeatures {

    private final ChineseSegmenter segmenter;

    TextFeatures(ChineseSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** Raw term counts of a petition given as title and body. */
    Map<String, Integer> counts(String title, String body) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> titleWords = title == null || title.isBlank() ? List.of() : segmenter.words(title);
        for (String w : titleWords) {
            if (useful(w)) {
                counts.merge("t:" + w, 1, Integer::sum);
                counts.merge("w:" + w, 1, Integer::sum);
            }
        }
        for (String w : segmenter.words(body)) {
            if (useful(w)) {
                counts.merge("w:" + w, 1, Integer::sum);
            }
        }
        addBigrams(ChineseSegmenter.normalize(title) + "。" + ChineseSegmenter.normalize(body), counts);
        return counts;
    }

    /** Raw term counts of a text already split into words (the shared segmented training file). */
    static Map<String, Integer> countsOfTokens(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : tokens) {
            String n = ChineseSegmenter.normalize(w);
            if (useful(n)) {
                counts.merge("w:" + n, 1, Integer::sum);
            }
        }
        addBigrams(ChineseSegmenter.normalize(String.join("", tokens)), counts);
        return counts;
    }

    private static void addBigrams(String text, Map<String, Integer> counts) {
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHan(c)) {
                if (previous != 0) {
                    counts.merge("b:" + previous + c, 1, Integer::sum);
                }
                previous = c;
            } else {
                previous = 0;
            }
        }
    }

    /** Words worth a feature: not punctuation, not bare numbers. */
    static boolean useful(String w) {
        if (w.isEmpty()) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (isHan(c) || Character.isLetter(c)) {
                letter = true;
                break;
            }
        }
        return letter;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The distinct terms of a document, for document frequencies. */
    static List<String> terms(Map<String, Integer> counts) {
        return new ArrayList<>(counts.keySet());
    }
}
