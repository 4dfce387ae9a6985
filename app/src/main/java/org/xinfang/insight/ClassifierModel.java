package org.xinfang.insight;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.xinfang.search.ChineseSegmenter;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A trained classifier as it ships: the vocabulary with its inverse document frequencies and the
 * Tribuo LibLinear model over the TF-IDF vectors, in one zip file ({@code vocabulary.tsv},
 * {@code model.pb}, {@code about.txt}). Thread-safe once loaded.
 */
final class ClassifierModel {

    /** One prediction: the label, its confidence, all labels' scores, the terms that weighed most for it. */
    record Outcome(String label, double confidence, Map<String, Double> scores, List<String> drivers) {
    }

    private final Map<String, Float> idf;
    private final Map<String, Float> background;
    private final Map<String, Float> allIdf;
    private final Model<Label> model;
    private final String about;
    private final TextFeatures features;

    /**
     * @param idf        the classifier's features and their inverse document frequencies
     * @param background common terms the classifier does not use, with theirs: similarity needs to know
     *                   that 我们 or 问题 are common even though they say nothing about the category
     */
    ClassifierModel(Map<String, Float> idf, Map<String, Float> background, Model<Label> model, String about) {
        this.idf = idf;
        this.background = background;
        Map<String, Float> all = new HashMap<>(background);
        all.putAll(idf);
        this.allIdf = all;
        this.model = model;
        this.about = about;
        this.features = new TextFeatures(new ChineseSegmenter());
    }

    Map<String, Float> idf() {
        return idf;
    }

    Map<String, Float> background() {
        return background;
    }

    /** Inverse document frequencies of every term training saw often enough: features and background. */
    Map<String, Float> documentFrequencies() {
        return allIdf;
    }

    Model<Label> model() {
        return model;
    }

    String about() {
        return about;
    }

    int vocabularySize() {
        return idf.size();
    }

    /** Classifies a petition; with {@code explain}, also the words that drove the decision. */
    Outcome classify(String title, String body, boolean explain) {
        return predict(features.counts(title, body), explain);
    }

    Outcome predict(Map<String, Integer> counts, boolean explain) {
        ArrayExample<Label> example = vector(counts, idf, LabelFactory.UNKNOWN_LABEL);
        if (example.size() == 0) {
            return new Outcome(null, 0, Map.of(), List.of()); // no word the model knows: no suggestion
        }
        Prediction<Label> p = model.predict(example);
        Map<String, Double> scores = scores(p);
        String label = p.getOutput().getLabel();
        List<String> drivers = explain ? drivers(example, label) : List.of();
        return new Outcome(label, scores.getOrDefault(label, 0.0), scores, drivers);
    }

    /** Class probabilities; a margin classifier's decision values are turned into a distribution by softmax. */
    private static Map<String, Double> scores(Prediction<Label> p) {
        Map<String, Double> raw = new HashMap<>();
        p.getOutputScores().forEach((k, v) -> raw.put(k, v.getScore()));
        if (!p.hasProbabilities()) {
            double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double sum = 0;
            for (Map.Entry<String, Double> e : raw.entrySet()) {
                double x = Math.exp(3 * (e.getValue() - max));
                e.setValue(x);
                sum += x;
            }
            for (Map.Entry<String, Double> e : raw.entrySet()) {
                e.setValue(e.getValue() / sum);
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The words whose weight × value pushed most towards the label, feature kinds merged into words. */
    private List<String> drivers(ArrayExample<Label> example, String label) {
        Excuse<Label> excuse = model.getExcuse(example).orElse(null);
        if (excuse == null) {
            return List.of();
        }
        Map<String, Double> byWord = new HashMap<>();
        for (Pair<String, Double> f : excuse.excuse(label)) {
            if (f.getB() > 0) {
                byWord.merge(f.getA().substring(2), f.getB(), Double::sum);
            }
        }
        // a bigram inside a stronger word says the same thing twice
        List<Map.Entry<String, Double>> ranked = byWord.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Double> e : ranked) {
            String w = e.getKey();
            if (words.stream().noneMatch(k -> k.contains(w) || w.contains(k))) {
                words.add(w);
            }
            if (words.size() == 8) {
                break;
            }
        }
        return words;
    }

    /** TF-IDF with sublinear term frequency, L2-normalised; terms outside the vocabulary are dropped. */
    static ArrayExample<Label> vector(Map<String, Integer> counts, Map<String, Float> idf, Label label) {
        List<Map.Entry<String, Integer>> known = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (idf.containsKey(e.getKey())) {
                known.add(e);
            }
        }
        known.sort(Map.Entry.comparingByKey());
        String[] names = new String[known.size()];
        double[] values = new double[known.size()];
        double norm = 0;
        for (int i = 0; i < names.length; i++) {
            Map.Entry<String, Integer> e = known.get(i);
            names[i] = e.getKey();
            values[i] = (1 + Math.log(e.getValue())) * idf.get(e.getKey());
            norm += values[i] * values[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= norm;
            }
        }
        return new ArrayExample<>(label, names, values);
    }

    // ------------------------------------------------------------------ storage

    void write(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("about.txt"));
            zip.write(about.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            writeTable(zip, "vocabulary.tsv", idf);
            writeTable(zip, "background.tsv", background);
            zip.putNextEntry(new ZipEntry("model.pb"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.serializeToStream(bytes);
            zip.write(bytes.toByteArray());
            zip.closeEntry();
        }
    }

    private static void writeTable(ZipOutputStream zip, String name, Map<String, Float> table) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        StringBuilder sb = new StringBuilder();
        table.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
        zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void readTable(byte[] content, Map<String, Float> into) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            int tab = line.lastIndexOf('\t');
            into.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
        }
    }

    @SuppressWarnings("unchecked")
    static ClassifierModel read(InputStream in) throws IOException {
        Map<String, Float> idf = new HashMap<>();
        Map<String, Float> background = new HashMap<>();
        Model<Label> model = null;
        String about = "";
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] content = zip.readAllBytes();
                switch (entry.getName()) {
                    case "about.txt" -> about = new String(content, StandardCharsets.UTF_8);
                    case "vocabulary.tsv" -> readTable(content, idf);
                    case "background.tsv" -> readTable(content, background);
                    case "model.pb" -> {
                        Model<?> m = Model.deserializeFromStream(new ByteArrayInputStream(content));
                        if (!m.validate(Label.class)) {
                            throw new IOException("the classifier model does not predict labels");
                        }
                        model = (Model<Label>) m;
                    }
                    default -> {
                    }
                }
            }
        }
        if (model == null || idf.isEmpty()) {
            throw new IOException("incomplete classifier model: " + (model == null ? "model.pb" : "vocabulary.tsv")
                    + " missing");
        }
        return new ClassifierModel(idf, background, model, about);
    }

}
