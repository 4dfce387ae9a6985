package org.xinfang.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xinfang.search.ChineseSegmenter;

/** The similarity score ranks a re-post of the same matter above petitions that merely share a topic. */
class TextSimilarityTests {

    static TextSimilarity similarity;

    @BeforeAll
    static void load() {
        similarity = new TextSimilarity(PetitionClassifier.loadShipped().documentFrequencies(), new ChineseSegmenter());
    }

    @Test
    void the_same_matter_ranks_first_then_the_same_topic_then_anything_else() {
        TextSimilarity.Vector query = similarity.vector("翠湖花园小区物业乱收停车费",
                "翠湖花园小区物业公司擅自将停车费从每月100元涨到300元，业主强烈反对，请求有关部门查处。");
        Map<String, TextSimilarity.Vector> candidates = Map.of(
                "same matter, reposted", similarity.vector("再次反映翠湖花园小区物业乱收停车费",
                        "翠湖花园小区物业公司停车费从每月100元涨到300元，上次反映后没有处理，业主请求查处。"),
                "same topic, another estate", similarity.vector("金桂苑物业收费不合理",
                        "金桂苑小区物业费标准过高，服务质量差，业主希望物价部门核查收费。"),
                "unrelated", similarity.vector("建议增开公交线路",
                        "小区附近没有公交站点，建议增开公交线路并延长末班车时间。"));

        List<String> ranking = candidates.entrySet().stream()
                .sorted(Comparator.comparingDouble(
                        (Map.Entry<String, TextSimilarity.Vector> e) -> TextSimilarity.cosine(query, e.getValue()))
                        .reversed())
                .map(Map.Entry::getKey).toList();

        assertThat(ranking).containsExactly("same matter, reposted", "same topic, another estate", "unrelated");
        assertThat(TextSimilarity.cosine(query, candidates.get("same matter, reposted")))
                .isGreaterThanOrEqualTo(SimilarPetitions.REPEAT_THRESHOLD);
        assertThat(TextSimilarity.cosine(query, candidates.get("same topic, another estate")))
                .isLessThan(SimilarPetitions.REPEAT_THRESHOLD);
    }

    @Test
    void a_text_is_identical_to_itself_and_shares_its_distinctive_words() {
        TextSimilarity.Vector v = similarity.vector("翠湖花园小区停车费", "翠湖花园小区物业乱收停车费");

        assertThat(TextSimilarity.cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextSimilarity.distinctiveWords(v, 3)).isNotEmpty();
    }
}
