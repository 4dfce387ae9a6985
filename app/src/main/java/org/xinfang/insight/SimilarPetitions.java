package org.xinfang.insight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.xinfang.organization.StaffUser;
import org.xinfang.search.IndexedPetitions;
import org.xinfang.search.TextSegmentation;
import org.xinfang.shared.ChinaTime;

/**
 * 相似件与重复信访: the petitions most like a given one — the same petitioner's first, then anyone's —
 * with a score and the words they share. Candidates come from the search index (the petitioner's
 * petitions; petitions sharing two of its most distinctive words; titles close by trigrams), so the
 * cost does not grow with the number of petitions; only the candidates are scored
 * ({@link TextSimilarity}). An earlier petition of the same petitioner scoring at least
 * {@value #REPEAT_THRESHOLD} is a 重复信访 candidate: a clerk decides.
 */
@Service
public class SimilarPetitions {

    /** Score from which an earlier petition of the same petitioner is flagged as a 重复信访 candidate. */
    public static final double REPEAT_THRESHOLD = 0.5;
    /** Below this score a petition is not shown as similar. */
    public static final double SHOWN_FROM = 0.2;

    private static final int CANDIDATES = 100;
    private static final int SHOWN = 10;

    /**
     * One similar petition.
     *
     * @param samePetitioner   filed by the same petitioner
     * @param repeatCandidate  earlier, same petitioner, score ≥ {@link #REPEAT_THRESHOLD}: possibly 重复信访
     * @param sharedWords      the distinctive words both texts contain
     */
    public record Similar(String number, String title, double score, boolean samePetitioner, boolean repeatCandidate,
            String status, String statusLabel, OffsetDateTime receivedAt, String unitName, String category,
            List<String> sharedWords) {
    }

    private final IndexedPetitions index;
    private final TextSegmentation segmentation;
    private final PetitionClassifier classifier;

    SimilarPetitions(IndexedPetitions index, TextSegmentation segmentation, PetitionClassifier classifier) {
        this.index = index;
        this.segmentation = segmentation;
        this.classifier = classifier;
    }

    /**
     * Petitions like this text that the user may see.
     *
     * @param petitionerId the petitioner, if known (same-petitioner petitions are then listed first)
     * @param except       the petition itself, if it is registered already
     * @param receivedAt   when this petition was received (only earlier ones can be what it repeats); null = now
     */
    public List<Similar> similarTo(String title, String content, UUID petitionerId, UUID except, Instant receivedAt,
            StaffUser user) {
        TextSimilarity similarity = classifier.similarity(segmentation.segmenter());
        TextSimilarity.Vector v = similarity.vector(title, content);
        Map<UUID, IndexedPetitions.Text> candidates = new LinkedHashMap<>();
        if (petitionerId != null) {
            index.ofPetitioner(petitionerId, except, user, CANDIDATES).forEach(t -> candidates.put(t.petitionId(), t));
        }
        index.sharingWords(TextSimilarity.distinctiveWords(v, 6), title, except, user, CANDIDATES)
                .forEach(t -> candidates.putIfAbsent(t.petitionId(), t));
        List<Similar> found = new ArrayList<>();
        for (IndexedPetitions.Text t : candidates.values()) {
            TextSimilarity.Vector other = similarity.vector(t.title(), t.content());
            double score = TextSimilarity.cosine(v, other);
            if (score < SHOWN_FROM) {
                continue;
            }
            boolean same = petitionerId != null && petitionerId.equals(t.petitionerId());
            boolean earlier = receivedAt == null || !t.receivedAt().isAfter(receivedAt);
            found.add(new Similar(t.number(), t.title(), Math.round(score * 1000) / 1000.0, same,
                    same && earlier && score >= REPEAT_THRESHOLD, t.status().name(), t.status().label(),
                    t.receivedAt().atZone(ChinaTime.ZONE).toOffsetDateTime(), t.unitName(), t.category(),
                    TextSimilarity.sharedWords(v, other, 5)));
        }
        found.sort(Comparator.comparing(Similar::samePetitioner).reversed()
                .thenComparing(Comparator.comparingDouble(Similar::score).reversed())
                .thenComparing(Similar::number));
        return found.size() > SHOWN ? List.copyOf(found.subList(0, SHOWN)) : List.copyOf(found);
    }
}
