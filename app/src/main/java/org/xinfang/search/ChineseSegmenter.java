package org.xinfang.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * 中文分词: splits Chinese text into words with Lucene's smartcn (a hidden Markov model over a bundled
 * dictionary), after first cutting out the place names it knows — the territories of the organisation
 * tree and coded names such as {@code A3区} — so that 东湖区 or 柳桥镇 stays one word instead of being
 * torn into 东湖 / 区. Immutable and thread-safe; {@link #withPlaceNames} gives a copy with another
 * gazetteer.
 */
public final class ChineseSegmenter {

    /** Coded or anonymised place names (A市, A3区, K8县 …), as public message boards publish them. */
    private static final Pattern CODED_PLACE = Pattern.compile("[A-Za-z][0-9]{0,3}(?:市|区|县|镇|乡|村|街道|社区)");

    /** The suffixes a place name is also written without: 东湖区 → 东湖, 翠湖社区 → 翠湖. */
    private static final List<String> PLACE_SUFFIXES = List.of("街道办事处", "街道", "社区", "区", "县", "市", "镇", "乡",
            "村");

    private static final ThreadLocal<Analyzer> ANALYZER = ThreadLocal.withInitial(SmartChineseAnalyzer::new);

    private final PlaceTrie places;

    /** A segmenter that knows only coded place names. */
    public ChineseSegmenter() {
        this(new PlaceTrie());
    }

    private ChineseSegmenter(PlaceTrie places) {
        this.places = places;
    }

    /** A copy that keeps these place names (and their forms without 区/县/街道/社区 … ) as single words. */
    public ChineseSegmenter withPlaceNames(Collection<String> names) {
        PlaceTrie trie = new PlaceTrie();
        for (String name : names) {
            String n = normalize(name);
            trie.add(n, n);
            String shortForm = shortForm(n);
            if (shortForm != null) {
                trie.add(shortForm, n);
            }
        }
        return new ChineseSegmenter(trie);
    }

    /** The name without its administrative suffix, if at least two characters remain (东湖区 → 东湖). */
    public static String shortForm(String placeName) {
        for (String suffix : PLACE_SUFFIXES) {
            if (placeName.endsWith(suffix) && placeName.length() - suffix.length() >= 2) {
                return placeName.substring(0, placeName.length() - suffix.length());
            }
        }
        return null;
    }

    /** Full-width to half-width, lower case, unified spaces: the form both indexing and queries use. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The words of the text in order, punctuation dropped; known place names come out whole. */
    public List<String> words(String text) {
        List<String> out = new ArrayList<>();
        segment(normalize(text), out, null);
        return out;
    }

    /**
     * The words to index: {@link #words} plus, for each place name found, its other form (东湖区 also
     * as 东湖 and the reverse), so a search for either finds the petition.
     */
    public Set<String> indexTerms(String text) {
        List<String> words = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        segment(normalize(text), words, extra);
        Set<String> terms = new LinkedHashSet<>(words);
        terms.addAll(extra);
        return terms;
    }

    private void segment(String text, List<String> out, List<String> placeForms) {
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            PlaceTrie.Match m = places.longestAt(text, i);
            int codedEnd = codedPlaceAt(text, i);
            if (m != null || codedEnd > 0) {
                int end = m != null ? Math.max(i + m.length(), codedEnd) : codedEnd;
                smartcn(text.substring(from, i), out);
                String word = text.substring(i, end);
                out.add(word);
                if (placeForms != null && m != null && i + m.length() == end) {
                    if (!m.canonical().equals(word)) {
                        placeForms.add(m.canonical());
                    }
                    String shortForm = shortForm(word);
                    if (shortForm != null) {
                        placeForms.add(shortForm);
                    }
                }
                i = end;
                from = end;
            } else {
                i++;
            }
        }
        smartcn(text.substring(from), out);
    }

    private static int codedPlaceAt(String text, int i) {
        char c = text.charAt(i);
        if (!(c >= 'a' && c <= 'z') || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))
                && text.charAt(i - 1) < 128)) {
            return -1;
        }
        Matcher m = CODED_PLACE.matcher(text).region(i, Math.min(text.length(), i + 8));
        return m.lookingAt() ? m.end() : -1;
    }

    private static void smartcn(String part, List<String> out) {
        if (part.isBlank()) {
            return;
        }
        try (TokenStream ts = ANALYZER.get().tokenStream("text", new StringReader(part))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 0) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** Longest-match lookup of place names; small enough for every territory of a province. */
    private static final class PlaceTrie {

        record Match(int length, String canonical) {
        }

        private final Map<Character, PlaceTrie> next = new HashMap<>();
        private String canonical;

        void add(String word, String canonicalName) {
            PlaceTrie node = this;
            for (int i = 0; i < word.length(); i++) {
                node = node.next.computeIfAbsent(word.charAt(i), c -> new PlaceTrie());
            }
            if (node.canonical == null || node.canonical.equals(word)) {
                node.canonical = canonicalName;
            }
        }

        Match longestAt(String text, int start) {
            PlaceTrie node = this;
            Match best = null;
            for (int i = start; i < text.length() && node != null; i++) {
                node = node.next.get(text.charAt(i));
                if (node != null && node.canonical != null && i + 1 - start >= 2) {
                    best = new Match(i + 1 - start, node.canonical);
                }
            }
            return best;
        }
    }
}
