package org.xinfang.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.MutableDataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.xinfang.search.ChineseSegmenter;

/**
 * Offline training of the petition classifier: features of every training message, a vocabulary of
 * the terms seen in at least {@code minDf} messages with their IDF, and a LibLinear linear model
 * trained by Tribuo on the TF-IDF vectors. Deterministic: same data and settings, same model.
 */
final class ClassifierTraining {

    /** The knobs of a training run. */
    record Settings(LinearClassificationType.LinearType solver, double cost, int minDf, int maxTerms) {
        static Settings defaults() {
            return new Settings(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL, 0.5, 2, 12_000);
        }
    }

    /** Terms the model does not use are still kept, for similarity, when this many documents have them. */
    static final int BACKGROUND_MIN_DF = 20;

    /** A training document: its term counts and label. */
    record Document(Map<String, Integer> counts, String label) {
    }

    private final TextFeatures features = new TextFeatures(new ChineseSegmenter());

    Document document(LabelledMessages.Message m) {
        Map<String, Integer> counts = m.tokens() != null ? TextFeatures.countsOfTokens(m.tokens())
                : features.counts(m.title(), m.body());
        return new Document(counts, m.label());
    }

    ClassifierModel train(List<Document> docs, Settings settings, String about) {
        Map<String, Integer> df = new HashMap<>();
        for (Document d : docs) {
            for (String term : d.counts().keySet()) {
                df.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Float> idf = new HashMap<>();
        int n = docs.size();
        Set<String> kept = mostInformative(docs, df, settings);
        Map<String, Float> background = new HashMap<>();
        df.forEach((term, count) -> {
            float value = (float) (Math.log((n + 1.0) / (count + 1.0)) + 1.0);
            if (kept.contains(term)) {
                idf.put(term, value);
            } else if (count >= BACKGROUND_MIN_DF && !term.startsWith("t:")) {
                background.put(term, value);
            }
        });
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("xinfang petitions", labels), labels);
        for (Document d : docs) {
            ArrayExample<Label> example = ClassifierModel.vector(d.counts(), idf, new Label(d.label()));
            if (example.size() > 0) { // a message with none of the selected terms teaches nothing
                data.add(example);
            }
        }
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(settings.solver()), settings.cost(), 1000, 0.01, 1L);
        Model<Label> model = trainer.train(data);
        return new ClassifierModel(idf, background, model, about);
    }

    /**
     * The {@code maxTerms} terms (seen in at least {@code minDf} documents) whose presence says most
     * about the class, by the largest χ² over the classes: keeps the shipped model small (most of
     * the 180,000 terms occur a few times and only add noise) without losing accuracy.
     */
    static Set<String> mostInformative(List<Document> docs, Map<String, Integer> df, Settings settings) {
        Map<String, Integer> perLabel = new HashMap<>();
        Map<String, Map<String, Integer>> dfByLabel = new HashMap<>();
        for (Document d : docs) {
            perLabel.merge(d.label(), 1, Integer::sum);
            for (String term : d.counts().keySet()) {
                if (df.get(term) >= settings.minDf()) {
                    dfByLabel.computeIfAbsent(term, k -> new HashMap<>()).merge(d.label(), 1, Integer::sum);
                }
            }
        }
        double n = docs.size();
        Map<String, Double> chi2 = new HashMap<>();
        dfByLabel.forEach((term, byLabel) -> {
            double best = 0;
            int termDocs = df.get(term);
            for (Map.Entry<String, Integer> l : perLabel.entrySet()) {
                double a = byLabel.getOrDefault(l.getKey(), 0); // term and class
                double b = termDocs - a; // term, other class
                double c = l.getValue() - a; // class without term
                double d = n - a - b - c;
                double denominator = (a + c) * (b + d) * (a + b) * (c + d);
                if (denominator > 0) {
                    best = Math.max(best, n * Math.pow(a * d - b * c, 2) / denominator);
                }
            }
            chi2.put(term, best);
        });
        Set<String> kept = new HashSet<>();
        chi2.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(settings.maxTerms()).forEach(e -> kept.add(e.getKey()));
        return kept;
    }

    /**
     * Removes from the extra, pre-segmented rows every one that is (nearly) the same message as one
     * of the given texts: at least 60 % of its words of two or more characters occur in one of them.
     * The shared segmented file repeats many messages of the raw file, and a held-out message must
     * never reach training by that back door.
     */
    static List<LabelledMessages.Message> withoutCopiesOf(List<LabelledMessages.Message> segmented,
            List<String> texts, int[] dropped) {
        Map<String, List<Integer>> byBigram = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            Set<String> seen = new HashSet<>();
            for (int k = 0; k + 2 <= t.length(); k++) {
                String g = t.substring(k, k + 2);
                if (seen.add(g)) {
                    byBigram.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
                }
            }
        }
        List<LabelledMessages.Message> kept = new ArrayList<>();
        for (LabelledMessages.Message m : segmented) {
            Set<String> words = new HashSet<>();
            for (String w : m.tokens()) {
                if (w.length() >= 2) {
                    words.add(w);
                }
            }
            Map<Integer, Integer> hits = new HashMap<>();
            for (String w : words) {
                for (int i : byBigram.getOrDefault(w.substring(0, 2), List.of())) {
                    if (texts.get(i).contains(w)) {
                        hits.merge(i, 1, Integer::sum);
                    }
                }
            }
            int best = hits.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (!words.isEmpty() && best >= 0.6 * words.size()) {
                dropped[0]++;
            } else {
                kept.add(m);
            }
        }
        return kept;
    }
}
