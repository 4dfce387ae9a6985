package org.xinfang.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 热点发现: groups petitions about the same place or group and the same problem. Two petitions join
 * when they name the same place (or the same group in the same category) and read alike (cosine ≥
 * {@value #SAME_PLACE_SIMILARITY}), or read very alike whatever they name (≥ {@value #SAME_TEXT_SIMILARITY});
 * clusters are the connected parts. Candidate pairs come from inverted lists of places and of each
 * petition's most distinctive words, never from all pairs.
 *
 * <p>Heat index (热度): {@code 10 × (petitioners + 0.5 × repeats + log2(1 + support)) / sqrt(1 + spanDays / 30)}
 * — the number of different people raising it weighs most, re-posts by the same person and public
 * support (likes, where known) add, and a matter that gathered within weeks is hotter than one spread
 * over years.
 */
final class HotspotClustering {

    static final double SAME_PLACE_SIMILARITY = 0.25;
    static final double SAME_TEXT_SIMILARITY = 0.5;
    private static final int DISTINCTIVE_WORDS = 8;

    /** One petition to cluster. */
    record Item(String number, String petitioner, String title, String content, Instant at, long support,
            String category, String regionCode) {
    }

    /** A found hotspot. */
    record Cluster(String title, String place, String group, String category, List<Item> items, int petitioners,
            int repeats, long support, Instant first, Instant last, double heat, List<String> keywords) {
    }

    private final TextSimilarity similarity;
    private final PlacePhrases phrases;

    HotspotClustering(TextSimilarity similarity, PlacePhrases phrases) {
        this.similarity = similarity;
        this.phrases = phrases;
    }

    List<Cluster> clusters(List<Item> items, int top) {
        int n = items.size();
        List<TextSimilarity.Vector> vectors = items.parallelStream()
                .map(i -> similarity.vector(i.title(), i.content())).toList();
        List<PlacePhrases.Found> found = items.parallelStream().map(i -> phrases.find(i.title(), i.content())).toList();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> byKey = new HashMap<>();
        Map<String, List<Integer>> byWord = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String p : found.get(i).places()) {
                byKey.computeIfAbsent("P:" + p, k -> new ArrayList<>()).add(i);
            }
            for (String g : found.get(i).groups()) {
                byKey.computeIfAbsent("G:" + g + "/" + items.get(i).category(), k -> new ArrayList<>()).add(i);
            }
            for (String w : TextSimilarity.distinctiveWords(vectors.get(i), DISTINCTIVE_WORDS)) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> members : byKey.values()) {
            if (members.size() <= 1000) { // a place named by a thousand petitions is a district, not a hotspot's place
                link(members, vectors, parent, SAME_PLACE_SIMILARITY);
            }
        }
        for (List<Integer> members : byWord.values()) {
            if (members.size() <= 200) { // a word in hundreds of petitions distinguishes nothing
                link(members, vectors, parent, SAME_TEXT_SIMILARITY);
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            Set<String> people = new HashSet<>();
            members.forEach(m -> people.add(items.get(m).petitioner()));
            if (members.size() >= 3 || people.size() >= 2) {
                clusters.add(describe(members, items, vectors, found, people.size()));
            }
        }
        clusters.sort(Comparator.comparingDouble(Cluster::heat).reversed());
        return clusters.subList(0, Math.min(top, clusters.size()));
    }

    private static void link(List<Integer> members, List<TextSimilarity.Vector> vectors, int[] parent, double threshold) {
        for (int a = 0; a < members.size(); a++) {
            for (int b = a + 1; b < members.size(); b++) {
                int i = members.get(a);
                int j = members.get(b);
                if (find(parent, i) == find(parent, j)) {
                    continue;
                }
                if (TextSimilarity.cosine(vectors.get(i), vectors.get(j)) >= threshold) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static Cluster describe(List<Integer> members, List<Item> items, List<TextSimilarity.Vector> vectors,
            List<PlacePhrases.Found> found, int petitioners) {
        List<Item> list = members.stream().map(items::get).sorted(Comparator.comparing(Item::at)).toList();
        Map<String, Integer> places = new HashMap<>();
        Map<String, Integer> groups = new HashMap<>();
        Map<String, Integer> categories = new HashMap<>();
        Map<String, Double> words = new HashMap<>();
        for (int m : members) {
            found.get(m).places().forEach(p -> places.merge(p, 1, Integer::sum));
            found.get(m).groups().forEach(g -> groups.merge(g, 1, Integer::sum));
            if (items.get(m).category() != null) {
                categories.merge(items.get(m).category(), 1, Integer::sum);
            }
            for (String w : TextSimilarity.distinctiveWords(vectors.get(m), 12)) {
                words.merge(w, 1.0, Double::sum);
            }
        }
        String place = mostCommon(places, members.size() >= 2 ? 2 : 1);
        String group = mostCommon(groups, Math.max(2, members.size() / 3));
        String category = mostCommon(categories, 1);
        List<String> keywords = new ArrayList<>();
        words.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .filter(w -> place == null || !place.contains(w) && !w.contains(place))
                .filter(w -> w.codePoints().allMatch(Character::isIdeographic)) // not a3区, kv, 2019
                .filter(w -> keywords.stream().noneMatch(k -> k.contains(w) || w.contains(k)))
                .limit(3).forEach(keywords::add);
        Map<String, Integer> perPerson = new LinkedHashMap<>();
        list.forEach(i -> perPerson.merge(i.petitioner(), 1, Integer::sum));
        int repeats = list.size() - perPerson.size();
        long support = list.stream().mapToLong(Item::support).sum();
        Instant first = list.get(0).at();
        Instant last = list.get(list.size() - 1).at();
        double spanDays = Duration.between(first, last).toHours() / 24.0;
        double heat = 10 * (petitioners + 0.5 * repeats + Math.log1p(support) / Math.log(2)) / Math.sqrt(1 + spanDays / 30);
        String subject = place != null ? place : group != null ? group : category != null ? category : "";
        String title = subject + (keywords.isEmpty() ? "" : "：" + String.join("、", keywords));
        return new Cluster(title, place, group, category, list, petitioners, repeats, support, first, last,
                Math.round(heat * 10) / 10.0, keywords);
    }

    private static String mostCommon(Map<String, Integer> counts, int atLeast) {
        // most frequent; then the longer (more specific) name; then alphabetical, so runs agree
        Comparator<Map.Entry<String, Integer>> order = Comparator.comparingInt(Map.Entry::getValue);
        order = order.thenComparingInt(e -> e.getKey().length());
        order = order.thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return counts.entrySet().stream().filter(e -> e.getValue() >= atLeast).max(order)
                .map(Map.Entry::getKey).orElse(null);
    }
}
