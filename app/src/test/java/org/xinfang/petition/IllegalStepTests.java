package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xinfang.support.Api;

import tools.jackson.databind.JsonNode;

/** Every step the state or the caller's role does not allow is refused with the reason, and changes nothing. */
class IllegalStepTests extends StoryTest {

    @Test
    void answering_before_acceptance_is_refused() {
        String number = routed();
        JsonNode before = story.detail("handler", number);
        Api.Response r = story.attempt("handler", number, "reply", Map.of("outcome", "SUPPORTED",
                "text", "这是一份在受理之前起草的答复意见，应当被拒绝。"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("已转交");
        assertUnchanged(number, before);
    }

    @Test
    void extending_twice_is_refused() {
        String number = routed();
        story.step("handler", number, "accept", null);
        story.step("handler", number, "extend", Map.of("days", 20, "reason", "需要现场勘验"));
        story.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        JsonNode before = story.detail("handler", number);
        Api.Response again = story.attempt("handler", number, "extend", Map.of("days", 10, "reason", "还需要时间"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("只能延长一次");
        assertUnchanged(number, before);
    }

    @Test
    void an_extension_once_the_60_days_have_run_out_is_refused_and_a_pending_one_cannot_be_approved() {
        Stories.at(clock, "2026-02-02", 9);
        String late = routed();
        story.step("handler", late, "accept", null);
        String pending = routed();
        story.step("handler", pending, "accept", null);
        story.step("handler", pending, "extend", Map.of("days", 30, "reason", "需要鉴定"));
        Stories.at(clock, "2026-04-20", 9);
        Api.Response r = story.attempt("handler", late, "extend", Map.of("days", 30, "reason", "来不及了"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("届满");
        JsonNode before = story.detail("handler", pending);
        assertThat(story.attempt("approver", pending, "approve", Map.of("decision", "APPROVE")).status()).isEqualTo(409);
        assertUnchanged(pending, before);
    }

    @Test
    void a_delivery_without_a_date_is_recorded_as_of_now() {
        String number = routed();
        story.step("handler", number, "accept", null);
        story.step("handler", number, "reply", Map.of("outcome", "EXPLAINED",
                "text", "经调查，电梯维修已列入本年度维修资金使用计划，将于下月完成。如不服，可于30日内申请复查。"));
        story.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        JsonNode delivered = story.step("handler", number, "delivery", Map.of("method", "邮寄"));
        assertThat(delivered.get("reply").get("deliveredAt").isNull()).isFalse();
        assertThat(delivered.get("reply").get("deliveryMethod").asString()).isEqualTo("邮寄");
    }

    @Test
    void an_extension_beyond_30_days_is_refused() {
        String number = routed();
        story.step("handler", number, "accept", null);
        JsonNode before = story.detail("handler", number);
        Api.Response r = story.attempt("handler", number, "extend", Map.of("days", 31, "reason", "复杂"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKey("days");
        assertUnchanged(number, before);
    }

    @Test
    void a_handler_cannot_approve_and_an_approver_cannot_approve_their_own_proposal() {
        String number = routed();
        story.step("approver", number, "accept", null);
        story.step("approver", number, "extend", Map.of("days", 15, "reason", "需要协调"));
        JsonNode before = story.detail("handler", number);
        assertThat(story.attempt("handler", number, "approve", Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        assertThat(story.attempt("approver", number, "approve", Map.of("decision", "APPROVE")).status()).isEqualTo(409);
        assertUnchanged(number, before);
    }

    @Test
    void only_the_clerk_registers_and_routes() {
        assertThat(story.as("handler").post("/api/v1/petitions", Stories.letter(Stories.newIdCard(), "标题", "内容"))
                .status()).isEqualTo(403);
        String number = story.register(Stories.letter(Stories.newIdCard(), "供暖不足", "冬季室温不足16度。"))
                .get("number").asString();
        assertThat(story.attempt("supervisor", number, "route",
                Map.of("mode", "FORWARD", "unitId", story.unitId("990102-ZJJ"))).status()).isEqualTo(403);
    }

    @Test
    void a_received_date_in_the_future_and_an_unknown_region_are_field_errors() {
        Map<String, Object> body = Stories.letter(Stories.newIdCard(), "标题", "内容");
        body.put("receivedAt", "2099-01-01T09:00:00+08:00");
        body.put("regionCode", "110101");
        Api.Response r = story.as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKeys("receivedAt", "regionCode");

        Map<String, Object> past = Stories.letter(Stories.newIdCard(), "迟到的登记", "去年的来信今日补录。");
        past.put("receivedAt", "2025-12-20T09:00:00+08:00");
        JsonNode receipt = story.register(past);
        assertThat(receipt.get("number").asString()).startsWith("990100-20251220-");
    }

    @Test
    void bad_enum_values_and_wrong_types_are_field_errors_not_500() {
        Map<String, Object> body = Stories.letter(Stories.newIdCard(), "标题", "内容");
        body.put("channel", "FAX");
        Api.Response r = story.as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKey("channel");
        body.put("channel", "LETTER");
        body.put("headcount", "many");
        assertThat(story.as("clerk").post("/api/v1/petitions", body).fieldErrors()).containsKey("headcount");
        Map<String, Object> badPerson = Stories.letter("110105194912310021", "标题", "内容");
        Api.Response id = story.as("clerk").post("/api/v1/petitions", badPerson);
        assertThat(id.status()).isEqualTo(400);
        assertThat(id.fieldErrors().get("petitioner.idCardNumber")).contains("校验");
    }

    private String routed() {
        String number = story.register(Stories.letter(Stories.newIdCard(), "物业服务质量差",
                "翠湖社区物业服务质量差，电梯经常故障。")).get("number").asString();
        story.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", story.unitId("990102-ZJJ")));
        return number;
    }

    private void assertUnchanged(String number, JsonNode before) {
        JsonNode after = story.detail("handler", number);
        assertThat(after.get("status")).isEqualTo(before.get("status"));
        assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));
        assertThat(after.get("deadlines")).isEqualTo(before.get("deadlines"));
        assertThat(after.get("pending")).isEqualTo(before.get("pending"));
    }
}
