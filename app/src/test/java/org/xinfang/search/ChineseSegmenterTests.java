package org.xinfang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Place names survive segmentation whole, so a search for a place finds the petitions about it. */
class ChineseSegmenterTests {

    private final ChineseSegmenter withPlaces = new ChineseSegmenter()
            .withPlaceNames(List.of("示范市", "东湖区", "柳桥镇", "石坝村", "东湖街道", "翠湖社区"));

    @Test
    void the_territories_of_the_tree_come_out_as_single_words() {
        List<String> words = withPlaces.words("示范市东湖区柳桥镇石坝村村民反映村道损坏严重");

        assertThat(words).containsSubsequence("示范市", "东湖区", "柳桥镇", "石坝村");
        assertThat(words).contains("村民");
    }

    @Test
    void a_place_written_without_its_suffix_is_still_one_word_and_indexed_under_both_forms() {
        assertThat(withPlaces.words("翠湖小区门口积水")).startsWith("翠湖");
        assertThat(withPlaces.indexTerms("东湖区翠湖社区停车难")).contains("东湖区", "东湖", "翠湖社区", "翠湖");
    }

    @Test
    void the_longest_place_name_wins() {
        // 东湖街道 and 东湖区 share 东湖; each text keeps its own
        assertThat(withPlaces.words("东湖街道办事处")).startsWith("东湖街道");
        assertThat(withPlaces.words("东湖区政府")).startsWith("东湖区");
    }

    @Test
    void coded_place_names_of_public_message_boards_stay_whole_without_a_gazetteer() {
        List<String> words = new ChineseSegmenter().words("A市A3区麓谷街道某小区");

        assertThat(words).contains("a市", "a3区");
    }

    @Test
    void full_width_characters_and_punctuation_are_normalised_away() {
        assertThat(new ChineseSegmenter().words("ＡＢＣ，物业！")).containsExactly("abc", "物业");
    }
}
