package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xinfang.support.Api;

import tools.jackson.databind.JsonNode;

/** The lifecycle of the 《信访工作条例》 told as stories, through the HTTP API, with a clock we move. */
class LifecycleStoryTests extends StoryTest {

    @Test
    void a_letter_is_registered_forwarded_accepted_extended_once_answered_and_rated() {
        Stories.at(clock, "2026-03-02", 9);
        JsonNode receipt = story.register(Stories.letter(Stories.newIdCard(), "小区停车位收费不合理",
                "我是翠湖社区居民，小区物业自今年起将地面停车位月租从100元提高到300元，未经业主大会同意，请求有关部门核查。"));
        String number = receipt.get("number").asString();
        assertThat(number).matches("990100-20260302-\\d{6}");
        assertThat(receipt.get("queryCode").asString()).matches("[2-9A-HJKMNP-Z]{8}");

        JsonNode registered = story.detail("clerk", number);
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(registered.get("flags").get("firstTime").asBoolean()).isTrue();
        assertThat(Stories.deadline(registered, "ROUTE").get("dueDate").asString()).isEqualTo("2026-03-17");

        Stories.at(clock, "2026-03-05", 10);
        JsonNode routed = story.step("clerk", number, "route",
                Map.of("mode", "FORWARD", "unitId", story.unitId("990102-ZJJ")));
        assertThat(routed.get("status").asString()).isEqualTo("ROUTED");
        assertThat(Stories.deadline(routed, "ROUTE").get("state").asString()).isEqualTo("MET");
        assertThat(Stories.deadline(routed, "ACKNOWLEDGE").get("dueDate").asString()).isEqualTo("2026-03-20");

        Stories.at(clock, "2026-03-09", 10);
        JsonNode accepted = story.step("handler", number, "accept", null);
        assertThat(accepted.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(Stories.deadline(accepted, "HANDLE").get("dueDate").asString()).isEqualTo("2026-05-08");

        story.step("handler", number, "extend", Map.of("days", 30, "reason", "需要住建、市场监管部门联合核查物业收费备案情况"));
        JsonNode extended = story.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        assertThat(extended.get("status").asString()).isEqualTo("EXTENDED");
        assertThat(Stories.deadline(extended, "HANDLE").get("dueDate").asString()).isEqualTo("2026-06-08");

        Stories.at(clock, "2026-05-20", 15);
        story.step("handler", number, "reply", Map.of("outcome", "SUPPORTED", "text",
                "经核查，该物业公司调整停车费未履行业主大会表决程序，已责令其恢复原收费标准并退还多收费用。如不服，可在收到本意见之日起30日内申请复查。"));
        JsonNode answered = story.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("reply").get("outcomeLabel").asString()).isEqualTo("予以支持");
        assertThat(Stories.deadline(answered, "HANDLE").get("state").asString()).isEqualTo("MET");

        String code = receipt.get("queryCode").asString();
        Api.Response rated = story.anonymous().post("/api/v1/public/petitions/" + number + "/rating",
                Map.of("queryCode", code, "rating", "SATISFIED", "comment", "处理及时"));
        assertThat(rated.status()).isEqualTo(200);

        JsonNode tracked = story.anonymous().get("/api/v1/public/petitions/" + number + "?queryCode=" + code).json();
        assertThat(tracked.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(tracked.get("rating").asString()).isEqualTo("SATISFIED");
        assertThat(tracked.get("reply").get("text").asString()).contains("恢复原收费标准");
        assertThat(tracked.toString()).contains("延长办理期限30日").contains("联合核查");

        JsonNode full = story.detail("clerk", number);
        assertThat(Stories.events(full)).containsSubsequence("REGISTERED", "FORWARD", "ACCEPTED", "EXTENSION_PROPOSED",
                "EXTENDED", "REPLY_DRAFTED", "ANSWERED", "RATED");
    }

    @Test
    void the_public_tracking_page_never_reveals_whether_a_number_exists() {
        JsonNode receipt = story.register(Stories.letter(Stories.newIdCard(), "路灯损坏", "翠湖路路灯损坏多日无人维修。"));
        String number = receipt.get("number").asString();
        Api.Response wrongCode = story.anonymous().get("/api/v1/public/petitions/" + number + "?queryCode=AAAAAAAA");
        Api.Response noSuchNumber = story.anonymous().get("/api/v1/public/petitions/990100-20200101-999999?queryCode=AAAAAAAA");
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(noSuchNumber.status()).isEqualTo(404);
        assertThat(wrongCode.json().get("detail")).isEqualTo(noSuchNumber.json().get("detail"));
    }

    @Test
    void a_group_visit_with_six_representatives_is_refused_citing_the_rule() {
        Map<String, Object> visit = Stories.letter(Stories.newIdCard(), "拆迁补偿", "村民集体反映拆迁补偿标准过低。");
        visit.put("channel", "VISIT");
        visit.put("headcount", 30);
        List<Map<String, Object>> reps = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reps.add(Stories.person("代表" + i, Stories.newIdCard()));
        }
        visit.put("representatives", reps);
        long before = count();
        Api.Response r = story.as("clerk").post("/api/v1/petitions", visit);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors().get("representatives")).contains("不超过5人").contains("第十七条");
        assertThat(count()).isEqualTo(before);

        visit.put("representatives", reps.subList(0, 5));
        assertThat(story.as("clerk").post("/api/v1/petitions", visit).status()).isEqualTo(201);
    }

    @Test
    void a_repeat_petition_is_linked_to_the_open_one_not_handled_twice() {
        String idCard = Stories.newIdCard();
        String first = story.register(Stories.letter(idCard, "小区垃圾清运不及时",
                "湖滨街道滨江社区垃圾站垃圾堆积一周无人清运，气味难闻，请求处理。")).get("number").asString();
        Map<String, Object> again = Stories.letter(idCard, "小区垃圾清运不及时，再次反映",
                "湖滨街道滨江社区垃圾站垃圾堆积一周无人清运，气味难闻，请求尽快处理。");
        again.put("channel", "PHONE");
        JsonNode receipt = story.register(again);
        JsonNode second = story.detail("clerk", receipt.get("number").asString());
        assertThat(second.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(second.get("flags").get("repeatOf").asString()).isEqualTo(first);
        assertThat(second.get("flags").get("firstTime").asBoolean()).isFalse();
        assertThat(second.get("deadlines")).isEmpty();
        JsonNode original = story.detail("clerk", first);
        assertThat(original.get("flags").get("repeatCount").asInt()).isEqualTo(1);
        assertThat(Stories.events(original)).contains("REPEAT_RECEIVED");

        Map<String, Object> different = Stories.letter(idCard, "孩子入学学位申请", "申请为子女在东湖区就近安排小学学位。");
        JsonNode other = story.detail("clerk", story.register(different).get("number").asString());
        assertThat(other.get("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void an_accusation_goes_to_discipline_inspection_and_stays_invisible_to_the_accused_unit() {
        Map<String, Object> accusation = Stories.letter(Stories.newIdCard(), "举报东湖区住建局工作人员索要好处费",
                "东湖区住建局某工作人员在办理房屋维修资金审批时向我索要好处费，请予查处。");
        accusation.put("type", "ACCUSATION");
        String number = story.register(accusation).get("number").asString();
        story.step("clerk", number, "route", Map.of("mode", "TO_DISCIPLINE", "unitId", story.unitId("990102-JW")));

        JsonNode seen = story.detail("donghujw", number);
        assertThat(seen.get("flags").get("confidential").asBoolean()).isTrue();
        for (String accused : List.of("handler", "approver")) {
            assertThat(story.as(accused).get("/api/v1/petitions/" + number).status()).isEqualTo(404);
            assertThat(story.as(accused).get("/api/v1/petitions?q=" + number).json().get("total").asInt()).isZero();
        }
        // a wider scope does not reach a confidential matter either
        assertThat(story.as("leader").get("/api/v1/petitions/" + number).status()).isEqualTo(404);
        // routing an accusation anywhere but to discipline inspection is refused
        String other = story.register(accusation).get("number").asString();
        assertThat(story.attempt("clerk", other, "route",
                Map.of("mode", "FORWARD", "unitId", story.unitId("990102"))).status()).isEqualTo(409);
    }

    @Test
    void a_district_handler_cannot_read_another_districts_petitions() {
        String number = story.register(Stories.letter(Stories.newIdCard(), "物业维修基金", "维修基金使用不透明。"))
                .get("number").asString();
        story.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", story.unitId("990102-ZJJ")));
        assertThat(story.as("handler").get("/api/v1/petitions/" + number).status()).isEqualTo(200);
        assertThat(story.as("handler2").get("/api/v1/petitions/" + number).status()).isEqualTo(404);
        assertThat(story.as("handler2").get("/api/v1/petitions?q=" + number).json().get("total").asInt()).isZero();
        assertThat(story.attempt("handler2", number, "accept", null).status()).isEqualTo(404);
    }

    @Test
    void reading_a_case_is_audited_with_who_and_from_where() {
        String number = story.register(Stories.letter(Stories.newIdCard(), "噪音扰民", "夜间施工噪音扰民。"))
                .get("number").asString();
        story.detail("supervisor", number);
        JsonNode entries = story.as("admin").get("/api/v1/audit/entries?objectType=petition&objectId=" + number).json();
        List<String> actions = new java.util.ArrayList<>();
        entries.forEach(e -> actions.add(e.get("actor").asString() + " " + e.get("action").asString()));
        assertThat(actions).contains("supervisor petition.read", "clerk petition.registered");
        assertThat(story.detail("supervisor", number).get("petitioner").get("masked").asBoolean()).isTrue();
        assertThat(story.detail("supervisor", number).get("petitioner").get("idCardNumber").asString()).contains("****");
        assertThat(story.detail("clerk", number).get("petitioner").get("masked").asBoolean()).isFalse();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
    }
}
