package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.deadline.Clocks;

import tools.jackson.databind.JsonNode;

/** 简易办理 for first-time matters, and 结案 when the petitioner lets the review window pass. */
class SimplifiedAndClosureTests extends StoryTest {

    @Autowired
    Clocks clocks;

    @Test
    void a_first_time_matter_on_the_simplified_track_has_10_working_days_and_cannot_be_extended() {
        Stories.at(clock, "2026-09-28", 9);
        String number = story.register(Stories.letter(Stories.newIdCard(), "小区门口井盖缺失",
                "翠湖社区南门口井盖缺失，存在安全隐患。")).get("number").asString();
        story.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", story.unitId("990102-ZJJ")));
        JsonNode accepted = story.step("handler", number, "accept", Map.of("simplified", true));
        assertThat(accepted.get("flags").get("simplified").asBoolean()).isTrue();
        // 9-29, 9-30, then the 国庆 holiday; 10-8, 10-9, 10-10 (调休 Saturday), 10-12 … 10-16 is the 10th working day
        assertThat(Stories.deadline(accepted, "SIMPLIFIED").get("dueDate").asString()).isEqualTo("2026-10-16");
        assertThat(story.attempt("handler", number, "extend", Map.of("days", 10, "reason", "需要时间")).status())
                .isEqualTo(409);
    }

    @Test
    void a_repeat_petitioner_does_not_get_the_simplified_track() {
        String idCard = Stories.newIdCard();
        story.register(Stories.letter(idCard, "子女入学", "申请就近入学。"));
        String number = story.register(Stories.letter(idCard, "公交站点", "翠湖站撤销后出行不便。")).get("number").asString();
        story.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", story.unitId("990102-ZJJ")));
        assertThat(story.attempt("handler", number, "accept", Map.of("simplified", true)).status()).isEqualTo(409);
    }

    @Test
    void the_matter_closes_when_the_30_days_for_review_pass_unused() throws InterruptedException {
        Stories.at(clock, "2026-04-01", 9);
        String number = story.register(Stories.letter(Stories.newIdCard(), "楼道堆物", "楼道长期堆放杂物，消防隐患。"))
                .get("number").asString();
        story.forwardAcceptAndAnswer(number);
        Stories.at(clock, "2026-05-07", 9);
        clocks.scan();
        // the closure runs after the scan's transaction, from the persisted event publication
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String status = "";
        while (Instant.now().isBefore(until)) {
            status = story.detail("clerk", number).get("status").asString();
            if (status.equals("CLOSED")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo("CLOSED");
        assertThat(Stories.events(story.detail("clerk", number))).endsWith("CLOSED");
    }
}
