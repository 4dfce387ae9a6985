package org.xinfang.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xinfang.search.ChineseSegmenter;

/**
 * How alike two petitions read: the cosine of their TF-IDF vectors over the classifier's features
 * (words, title words, character bigrams), with the document frequencies learnt in training; a word
 * the training never saw (a housing estate, a company, a person's name) counts as the rarest, because
 * that is what makes two petitions be about the same matter. Thread-safe.
 */
final class TextSimilarity {

    /** A petition's normalised sparse vector. */
    record Vector(Map<String, Double> weights) {
    }

    private final Map<String, Float> idf;
    private final float unseen;
    private final TextFeatures features;
    private final ChineseSegmenter segmenter;

    TextSimilarity(Map<String, Float> idf, ChineseSegmenter segmenter) {
        this.idf = idf;
        this.segmenter = segmenter;
        this.unseen = (float) idf.values().stream().mapToDouble(Float::doubleValue).max().orElse(1.0);
        this.features = new TextFeatures(segmenter);
    }

    ChineseSegmenter segmenter() {
        return segmenter;
    }

    Vector vector(String title, String content) {
        Map<String, Integer> counts = features.counts(title == null ? "" : title, content == null ? "" : content);
        Map<String, Double> w = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double v = (1 + Math.log(e.getValue())) * idf.getOrDefault(e.getKey(), unseen);
            w.put(e.getKey(), v);
            norm += v * v;
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            w.replaceAll((k, v) -> v / n);
        }
        return new Vector(w);
    }

    static double cosine(Vector a, Vector b) {
        Map<String, Double> small = a.weights().size() <= b.weights().size() ? a.weights() : b.weights();
        Map<String, Double> large = small == a.weights() ? b.weights() : a.weights();
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot;
    }

    /** The {@code n} words (two characters or more) that weigh most in the vector, heaviest first. */
    static List<String> distinctiveWords(Vector v, int n) {
        Map<String, Double> words = new HashMap<>();
        v.weights().forEach((k, w) -> {
            if ((k.startsWith("w:") || k.startsWith("t:")) && k.length() >= 4) {
                words.merge(k.substring(2), w, Double::sum);
            }
        });
        List<String> top = new ArrayList<>();
        words.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).forEach(e -> top.add(e.getKey()));
        return top;
    }

    /** Words of two or more characters both vectors contain, heaviest (in {@code a}) first. */
    static List<String> sharedWords(Vector a, Vector b, int n) {
        List<Map.Entry<String, Double>> shared = new ArrayList<>();
        a.weights().forEach((k, w) -> {
            if (k.startsWith("w:") && k.length() >= 4 && b.weights().containsKey(k)) {
                shared.add(Map.entry(k.substring(2), w));
            }
        });
        shared.sort(Comparator.comparing(Map.Entry<String, Double>::getValue).reversed());
        return shared.stream().limit(n).map(Map.Entry::getKey).toList();
    }
}
