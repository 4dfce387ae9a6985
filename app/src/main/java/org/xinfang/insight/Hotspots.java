package org.xinfang.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.xinfang.organization.StaffUser;
import org.xinfang.search.IndexedPetitions;
import org.xinfang.search.TextSegmentation;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * 热点: clusters of petitions about the same place or group and the same problem received in a period,
 * each with a heat index, a short title and the place or group, hottest first — for leaders, and as the
 * raw material of early warning (群体性 risks). Only petitions the user may see are considered. See
 * {@link HotspotClustering} for the rule and the heat formula.
 */
@Service
public class Hotspots {

    /** The longest period one request may cover. */
    public static final int MAX_DAYS = 366;
    /** At most this many petitions of the period are clustered (the newest). */
    public static final int MAX_PETITIONS = 5_000;

    /**
     * One hotspot.
     *
     * @param heat        the heat index (higher is hotter)
     * @param place       the place it is about, if one stands out
     * @param group       the group raising it (业主, 农民工 …), if one stands out
     * @param petitions   how many petitions
     * @param petitioners how many different petitioners
     * @param repeats     petitions beyond the first of the same petitioner
     * @param numbers     the petitions, oldest first (at most 50)
     */
    public record Hotspot(String title, double heat, String place, String group, String category, int petitions,
            int petitioners, int repeats, OffsetDateTime first, OffsetDateTime last, List<String> keywords,
            List<String> numbers) {
    }

    private final IndexedPetitions index;
    private final TextSegmentation segmentation;
    private final PetitionClassifier classifier;

    Hotspots(IndexedPetitions index, TextSegmentation segmentation, PetitionClassifier classifier) {
        this.index = index;
        this.segmentation = segmentation;
        this.classifier = classifier;
    }

    /** The hottest {@code top} hotspots among petitions received from {@code from} to {@code to} (China days, inclusive). */
    public List<Hotspot> between(LocalDate from, LocalDate to, int top, StaffUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(FieldProblem.of("from", "validation.required"));
        }
        if (to == null) {
            problems.add(FieldProblem.of("to", "validation.required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(FieldProblem.of("to", "insight.validation.toBeforeFrom"));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.add(FieldProblem.of("to", "insight.validation.window", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant start = from.atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        List<HotspotClustering.Item> items = new ArrayList<>();
        for (IndexedPetitions.Text t : index.receivedBetween(start, end, user, MAX_PETITIONS)) {
            String category = t.category() != null ? t.category() : classifier.categoryOf(t.title(), t.content());
            items.add(new HotspotClustering.Item(t.number(), t.petitionerId().toString(), t.title(), t.content(),
                    t.receivedAt(), 0, category, t.regionCode()));
        }
        var segmenter = segmentation.segmenter();
        HotspotClustering clustering = new HotspotClustering(classifier.similarity(segmenter),
                new PlacePhrases(segmenter));
        List<Hotspot> hotspots = new ArrayList<>();
        for (HotspotClustering.Cluster c : clustering.clusters(items, top)) {
            hotspots.add(new Hotspot(c.title(), c.heat(), c.place(), c.group(), c.category(), c.items().size(),
                    c.petitioners(), c.repeats(), c.first().atZone(ChinaTime.ZONE).toOffsetDateTime(),
                    c.last().atZone(ChinaTime.ZONE).toOffsetDateTime(), c.keywords(),
                    c.items().stream().limit(50).map(HotspotClustering.Item::number).toList()));
        }
        return hotspots;
    }
}
