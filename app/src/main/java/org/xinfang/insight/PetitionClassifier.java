package org.xinfang.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 智能分类: suggests the first-level category (内容分类) of a petition from its title and text, with a
 * confidence and the words that drove the suggestion. The model is trained offline
 * ({@code train-classifier}, see the README), ships in the application and is loaded at start-up; a
 * missing or broken model stops the start rather than failing later on a clerk's screen.
 */
@Service
public class PetitionClassifier {

    /** Where the shipped model lives on the class path. */
    public static final String MODEL_RESOURCE = "insight/petition-classifier.zip";

    /** Below this confidence the suggestion is shown as uncertain (the clerk must choose). */
    public static final double CONFIDENT = 0.6;

    private static final Logger log = LoggerFactory.getLogger(PetitionClassifier.class);

    /**
     * A suggested category.
     *
     * @param category     the category name as the category tree spells it (e.g. 城乡建设); null when the
     *                     text has no word the model knows
     * @param confidence   0…1
     * @param confident    whether the confidence reaches {@link #CONFIDENT}
     * @param alternatives every category with its score, best first
     * @param words        the words in the text that weighed most for this category
     */
    public record Suggestion(String category, double confidence, boolean confident, List<Alternative> alternatives,
            List<String> words) {
    }

    /** One category and its score. */
    public record Alternative(String category, double score) {
    }

    private final ClassifierModel model;

    PetitionClassifier() {
        this.model = loadShipped();
        log.info("Petition classifier loaded: {} terms; {}", model.vocabularySize(),
                model.about().lines().findFirst().orElse(""));
    }

    static ClassifierModel loadShipped() {
        try (InputStream in = PetitionClassifier.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The classifier model " + MODEL_RESOURCE
                        + " is missing from the class path; train it with `train-classifier` (see README)");
            }
            return ClassifierModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The classifier model " + MODEL_RESOURCE + " cannot be read", e);
        }
    }

    /** The suggested category of a petition with this title and text. */
    public Suggestion classify(String title, String content) {
        ClassifierModel.Outcome o = model.classify(title == null ? "" : title, content == null ? "" : content, true);
        List<Alternative> alternatives = new ArrayList<>();
        for (Map.Entry<String, Double> e : o.scores().entrySet()) {
            alternatives.add(new Alternative(e.getKey(), round(e.getValue())));
        }
        return new Suggestion(o.label(), round(o.confidence()), o.label() != null && o.confidence() >= CONFIDENT,
                alternatives, o.drivers());
    }

    /** The category alone, without the explanation (for bulk work such as hotspots). */
    public String categoryOf(String title, String content) {
        return model.classify(title == null ? "" : title, content == null ? "" : content, false).label();
    }

    ClassifierModel model() {
        return model;
    }

    private volatile TextSimilarity similarity;

    /** The similarity measure over this model's document frequencies, for a segmenter (rebuilt when it changes). */
    TextSimilarity similarity(org.xinfang.search.ChineseSegmenter segmenter) {
        TextSimilarity current = similarity;
        if (current == null || current.segmenter() != segmenter) {
            current = new TextSimilarity(model.documentFrequencies(), segmenter);
            similarity = current;
        }
        return current;
    }

    /** How the shipped model was trained (data, split, settings). */
    public String provenance() {
        return model.about();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
