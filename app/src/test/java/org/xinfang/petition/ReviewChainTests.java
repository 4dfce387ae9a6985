package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xinfang.support.Api;

import tools.jackson.databind.JsonNode;

/** 复查 → 复核 → final, and the windows of 30 days that bound them. */
class ReviewChainTests extends StoryTest {

    @Test
    void an_unsatisfied_petitioner_goes_through_review_and_recheck_and_a_third_petition_is_not_re_accepted() {
        String idCard = Stories.newIdCard();
        Stories.at(clock, "2026-04-01", 9);
        JsonNode receipt = story.register(Stories.letter(idCard, "小区停车位收费过高",
                "东湖街道翠湖社区物业将停车位月租从100元提高到300元，请求责令降价。"));
        String number = receipt.get("number").asString();
        String code = receipt.get("queryCode").asString();
        story.forwardAcceptAndAnswer(number);

        Stories.at(clock, "2026-04-20", 9);
        Api citizen = story.anonymous();
        assertThat(citizen.post("/api/v1/public/petitions/" + number + "/rating",
                Map.of("queryCode", code, "rating", "UNSATISFIED", "comment", "没有解决问题")).status()).isEqualTo(200);
        Api.Response review = citizen.post("/api/v1/public/petitions/" + number + "/review-requests",
                Map.of("queryCode", code, "reason", "物业收费未经业主大会表决，答复认定事实错误"));
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        assertThat(review.json().get("status").asString()).isEqualTo("REVIEW_REQUESTED");

        JsonNode reviewing = story.detail("reviewer", number);
        assertThat(reviewing.get("review").get("unit").asString()).isEqualTo("东湖区");
        assertThat(Stories.deadline(reviewing, "REVIEW_ANSWER").get("dueDate").asString()).isEqualTo("2026-05-20");
        story.step("reviewer", number, "review-answer", Map.of("outcome", "UPHELD",
                "text", "经复查，原处理意见认定事实清楚，适用依据正确，予以维持。如不服，可在30日内向示范市人民政府申请复核。"));

        Stories.at(clock, "2026-05-10", 9);
        Api.Response recheck = citizen.post("/api/v1/public/petitions/" + number + "/review-requests",
                Map.of("queryCode", code, "reason", "仍然不服复查意见"));
        assertThat(recheck.status()).as(recheck.body()).isEqualTo(201);
        assertThat(recheck.json().get("status").asString()).isEqualTo("RECHECK_REQUESTED");
        JsonNode final_ = story.step("leader", number, "review-answer", Map.of("outcome", "UPHELD",
                "text", "经复核，维持复查意见。本复核意见为终结意见，对同一事实和理由提出的信访事项不再受理。"));
        assertThat(final_.get("status").asString()).isEqualTo("FINAL");

        Stories.at(clock, "2026-07-01", 9);
        JsonNode third = story.register(Stories.letter(idCard, "小区停车位收费过高，再次反映",
                "东湖街道翠湖社区物业将停车位月租从100元提高到300元，请求责令降价。"));
        JsonNode refused = story.detail("clerk", third.get("number").asString());
        assertThat(refused.get("status").asString()).isEqualTo("NOT_RE_ACCEPTED");
        assertThat(refused.get("timeline").get(0).get("note").asString()).contains("不再受理").contains(number);
    }

    @Test
    void a_review_request_on_day_31_is_refused_and_nothing_changes() {
        Stories.at(clock, "2026-04-01", 9);
        JsonNode receipt = story.register(Stories.letter(Stories.newIdCard(), "道路破损",
                "湖滨街道滨江路路面破损严重，雨天积水。"));
        String number = receipt.get("number").asString();
        story.forwardAcceptAndAnswer(number); // answered on 2026-04-01: the window ends 2026-05-01… rolled past 劳动节
        JsonNode answered = story.detail("clerk", number);
        String lastDay = Stories.deadline(answered, "REVIEW_REQUEST").get("dueDate").asString();
        assertThat(lastDay).isEqualTo("2026-05-06");

        Stories.at(clock, "2026-05-07", 9);
        Api.Response late = story.anonymous().post("/api/v1/public/petitions/" + number + "/review-requests",
                Map.of("queryCode", receipt.get("queryCode").asString(), "reason", "不服"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("30日");
        JsonNode after = story.detail("clerk", number);
        assertThat(after.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(after.get("timeline").size()).isEqualTo(answered.get("timeline").size());
    }
}
