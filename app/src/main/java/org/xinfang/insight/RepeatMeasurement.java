package org.xinfang.insight;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.xinfang.search.ChineseSegmenter;

/**
 * {@code measure-repeats}: how well the similarity score finds 重复信访 on real messages. A message is a
 * known repeat when the same user posted a near-identical title earlier (titles equal after
 * normalisation, or character-bigram Dice ≥ 0.8). For each known repeat, every earlier message of
 * anyone is scored; reported are how often an earlier near-identical post of the same user is the top
 * suggestion (by text alone, and in the platform's order with the same petitioner first) and how often
 * it reaches the repeat threshold; then the false-positive rate of the threshold on a fixed random
 * sample of pairs of different users.
 */
final class RepeatMeasurement {

    private RepeatMeasurement() {
    }

    static void run(Path input, Map<String, String> options, PrintStream out) throws IOException {
        List<DataFiles.Post> posts = new ArrayList<>(DataFiles.posts(input));
        posts.sort(Comparator.comparing(DataFiles.Post::at).thenComparing(DataFiles.Post::id));
        ClassifierModel model = PetitionClassifier.loadShipped();
        TextSimilarity similarity = new TextSimilarity(model.documentFrequencies(), new ChineseSegmenter());
        long start = System.nanoTime();
        List<TextSimilarity.Vector> vectors = posts.parallelStream().map(p -> similarity.vector(p.title(), p.detail()))
                .toList();
        int n = posts.size();
        List<String> titles = posts.stream().map(p -> normalTitle(p.title())).toList();

        int known = 0;
        int topByText = 0;
        int topPlatform = 0;
        int flagged = 0;
        int hardFalse = 0;
        List<Double> positives = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Integer> earlierSame = new HashSet<>();
            for (int j = 0; j < i; j++) {
                if (posts.get(j).user().equals(posts.get(i).user()) && !posts.get(i).user().isEmpty()
                        && nearIdentical(titles.get(i), titles.get(j))) {
                    earlierSame.add(j);
                }
            }
            if (earlierSame.isEmpty()) {
                continue;
            }
            known++;
            final int q = i;
            double[] scores = IntStream.range(0, i).parallel()
                    .mapToDouble(j -> TextSimilarity.cosine(vectors.get(q), vectors.get(j))).toArray();
            int best = 0;
            int bestSame = -1;
            for (int j = 0; j < i; j++) {
                if (scores[j] > scores[best]) {
                    best = j;
                }
                if (posts.get(j).user().equals(posts.get(i).user()) && (bestSame < 0 || scores[j] > scores[bestSame])) {
                    bestSame = j;
                }
            }
            if (earlierSame.contains(best)) {
                topByText++;
            }
            // the platform lists the same petitioner's earlier petitions first, by score
            if (bestSame >= 0 && earlierSame.contains(bestSame)) {
                topPlatform++;
            }
            double bestOther = 0;
            for (int j = 0; j < i; j++) {
                if (!posts.get(j).user().equals(posts.get(i).user())) {
                    bestOther = Math.max(bestOther, scores[j]);
                }
            }
            if (bestOther >= SimilarPetitions.REPEAT_THRESHOLD) {
                hardFalse++;
            }
            double bestKnown = earlierSame.stream().mapToDouble(j -> scores[j]).max().orElse(0);
            positives.add(bestKnown);
            if (bestKnown >= SimilarPetitions.REPEAT_THRESHOLD) {
                flagged++;
            }
        }
        Random random = new Random(20260101L);
        int pairs = 0;
        int falsePositives = 0;
        List<Double> negatives = new ArrayList<>();
        while (pairs < 5000) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a == b || posts.get(a).user().equals(posts.get(b).user())) {
                continue;
            }
            pairs++;
            double s = TextSimilarity.cosine(vectors.get(a), vectors.get(b));
            negatives.add(s);
            if (s >= SimilarPetitions.REPEAT_THRESHOLD) {
                falsePositives++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "messages: %d (%s)%n", n, input.getFileName());
        out.printf(Locale.ROOT, "known repeats (same user, near-identical title posted earlier): %d%n", known);
        out.printf(Locale.ROOT, "earlier near-identical post is the top suggestion, by text among all earlier messages: "
                + "%d (%.1f %%)%n", topByText, 100.0 * topByText / known);
        out.printf(Locale.ROOT, "earlier near-identical post is the top suggestion, same petitioner first (platform order): "
                + "%d (%.1f %%)%n", topPlatform, 100.0 * topPlatform / known);
        out.printf(Locale.ROOT, "flagged as repeat candidate (score >= %.2f): %d (%.1f %%)%n",
                SimilarPetitions.REPEAT_THRESHOLD, flagged, 100.0 * flagged / known);
        out.printf(Locale.ROOT, "score of the earlier post: median %.3f, 10th percentile %.3f%n", quantile(positives, 0.5),
                quantile(positives, 0.1));
        out.printf(Locale.ROOT, "different-user pairs sampled (seed 20260101): %d; scoring >= %.2f: %d "
                + "(false-positive rate %.2f %%); median %.3f, 99th percentile %.3f%n", pairs,
                SimilarPetitions.REPEAT_THRESHOLD, falsePositives, 100.0 * falsePositives / pairs,
                quantile(negatives, 0.5), quantile(negatives, 0.99));
        out.printf(Locale.ROOT, "hardest negatives: for %d known repeats, the most similar earlier message of another user "
                + "scores >= %.2f in %d cases (%.1f %%) — these would be flagged if that user were the same petitioner%n",
                known, SimilarPetitions.REPEAT_THRESHOLD, hardFalse, 100.0 * hardFalse / known);
        out.printf(Locale.ROOT, "took %.1f s%n", seconds);
    }

    /** Title without spaces, punctuation and letter case, for "near-identical". */
    static String normalTitle(String title) {
        StringBuilder sb = new StringBuilder();
        ChineseSegmenter.normalize(title).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static boolean nearIdentical(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        int common = 0;
        for (String g : x) {
            if (y.contains(g)) {
                common++;
            }
        }
        return x.size() + y.size() > 0 && 2.0 * common / (x.size() + y.size()) >= 0.8;
    }

    private static Set<String> bigrams(String s) {
        Set<String> g = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            g.add(s.substring(i, i + 2));
        }
        return g;
    }

    private static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
