package org.xinfang.insight;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Precision, recall and F1 per class, accuracy and macro-F1 of predictions against gold labels. */
final class ClassifierEvaluation {

    private final Map<String, int[]> counts = new TreeMap<>(); // label -> {tp, fp, fn}
    private int total;
    private int correct;

    void add(String gold, String predicted) {
        total++;
        counts.computeIfAbsent(gold, k -> new int[3]);
        counts.computeIfAbsent(predicted, k -> new int[3]);
        if (gold.equals(predicted)) {
            correct++;
            counts.get(gold)[0]++;
        } else {
            counts.get(predicted)[1]++;
            counts.get(gold)[2]++;
        }
    }

    double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** The mean F1 over the classes that occur in the gold labels. */
    double macroF1() {
        List<String> gold = goldLabels();
        return gold.stream().mapToDouble(this::f1).average().orElse(0);
    }

    private List<String> goldLabels() {
        return counts.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[2] > 0).map(Map.Entry::getKey)
                .toList();
    }

    double precision(String label) {
        int[] c = counts.get(label);
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    double recall(String label) {
        int[] c = counts.get(label);
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The report; its last line is {@code macro-F1: 0.xxxx}. */
    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-12s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support");
        for (String label : new TreeSet<>(counts.keySet())) {
            int[] c = counts.get(label);
            out.printf(Locale.ROOT, "%-12s %9.4f %9.4f %9.4f %8d%n", label, precision(label), recall(label), f1(label),
                    c[0] + c[2]);
        }
        out.printf(Locale.ROOT, "messages: %d%n", total);
        out.printf(Locale.ROOT, "accuracy: %.4f%n", accuracy());
        out.printf(Locale.ROOT, "macro-F1: %.4f%n", macroF1());
    }
}
