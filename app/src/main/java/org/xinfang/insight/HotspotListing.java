package org.xinfang.insight;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xinfang.search.ChineseSegmenter;
import org.xinfang.shared.ChinaTime;

/** {@code list-hotspots}: the hotspots of a message file (the whole file is the time window). */
final class HotspotListing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

    private HotspotListing() {
    }

    static void run(Path input, Map<String, String> options, PrintStream out) throws IOException {
        int top = Integer.parseInt(options.getOrDefault("top", "10"));
        List<DataFiles.Post> posts = DataFiles.posts(input);
        ClassifierModel model = PetitionClassifier.loadShipped();
        ChineseSegmenter segmenter = new ChineseSegmenter();
        long start = System.nanoTime();
        List<HotspotClustering.Item> items = posts.parallelStream()
                .map(p -> new HotspotClustering.Item(p.id(), p.user(), p.title(), p.detail(), p.at(), p.likes(),
                        model.classify(p.title(), p.detail(), false).label(), null))
                .toList();
        HotspotClustering clustering = new HotspotClustering(new TextSimilarity(model.documentFrequencies(), segmenter),
                new PlacePhrases(segmenter));
        List<HotspotClustering.Cluster> clusters = clustering.clusters(items, top);
        out.printf(Locale.ROOT, "messages: %d (%s); clustering took %.1f s%n", posts.size(), input.getFileName(),
                (System.nanoTime() - start) / 1e9);
        out.println("rank | heat | span | place/group | petitions (people, repeats) | likes | category | title");
        int rank = 1;
        for (HotspotClustering.Cluster c : clusters) {
            out.printf(Locale.ROOT, "%d | %.1f | %s – %s | %s | %d (%d, %d) | %d | %s | %s%n", rank++, c.heat(),
                    DAY.format(c.first()), DAY.format(c.last()),
                    c.place() != null ? c.place() : c.group() != null ? c.group() + "（群体）" : "—", c.items().size(),
                    c.petitioners(), c.repeats(), c.support(), c.category(), c.title());
        }
    }
}
