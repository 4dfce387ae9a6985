package org.xinfang.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model loads and reads clear petitions the way a clerk would, with its reasons. */
class PetitionClassifierTests {

    static PetitionClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = new PetitionClassifier();
    }

    @Test
    void the_model_ships_in_the_application_and_says_how_it_was_trained() {
        assertThat(classifier.provenance()).contains("held out").contains("training took");
    }

    @Test
    void a_property_fee_dispute_is_urban_and_rural_construction() {
        PetitionClassifier.Suggestion s = classifier.classify("小区物业违规收取停车费",
                "我们小区的物业公司未经业主大会同意，擅自提高停车费和物业费，业主多次反映无果，请住建部门查处。");

        assertThat(s.category()).isEqualTo("城乡建设");
        assertThat(s.confidence()).isBetween(0.0, 1.0);
        assertThat(s.words()).isNotEmpty();
        assertThat(s.alternatives()).hasSize(7);
        assertThat(s.alternatives().get(0).category()).isEqualTo("城乡建设");
    }

    @Test
    void unpaid_wages_are_labour_and_social_security() {
        assertThat(classifier.classify("建筑公司拖欠农民工工资",
                "我们在某工地务工半年，包工头和建筑公司拖欠工资至今未发，劳动监察部门请帮我们讨回血汗钱，社保也没有缴纳。")
                .category()).isEqualTo("劳动和社会保障");
    }

    @Test
    void school_places_are_education() {
        assertThat(classifier.classify("孩子入学学位紧张",
                "小区配套小学学位不足，孩子今年秋季入学被分配到很远的学校，家长希望教育局合理划分学区。")
                .category()).isEqualTo("教育文体");
    }

    @Test
    void a_polluting_factory_is_environmental_protection() {
        assertThat(classifier.classify("化工厂夜间排放废气",
                "村旁化工厂每天夜里偷排废气，气味刺鼻，河水也被污染发黑，请环保部门调查处理。")
                .category()).isEqualTo("环境保护");
    }

    @Test
    void hospital_charges_are_health() {
        assertThat(classifier.classify("医院乱收费",
                "在市人民医院住院期间被重复收取检查费用，医生开大处方，希望卫健委核查医疗收费。")
                .category()).isEqualTo("卫生计生");
    }

    @Test
    void taxi_overcharging_is_transport() {
        // on this board city buses belong to 城乡建设 (市政管理); taxis, freight and post are 交通运输
        assertThat(classifier.classify("出租车司机拒载并乱收费",
                "昨晚在火车站乘坐出租车，司机拒绝打表，一口价要了80元，还绕路，请交通运输部门加强出租车行业监管。")
                .category()).isEqualTo("交通运输");
    }
}
