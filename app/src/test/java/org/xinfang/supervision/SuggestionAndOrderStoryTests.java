package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.deadline.Clocks;
import org.xinfang.deadline.DeadlineMissed;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * "发现不落实的事、找准不落实的人": a missed deadline puts the case in the supervisors' queue once, naming the
 * unit and the person who accepted it; the supervisor's 督办单 reaches that unit, which answers, and the
 * supervisor closes it; an unanswered order can be escalated to the organ above.
 */
class SuggestionAndOrderStoryTests extends SupervisionStory {

    @Autowired
    Clocks clocks;

    @Autowired
    SupervisionTriggers triggers;

    @Autowired
    Suggestions suggestionsService;

    @Test
    void an_assignment_without_feedback_raises_exactly_one_suggestion_naming_the_unit_and_the_handler() {
        at("2026-03-02", 9);
        String number = registerLetter("小区电梯长期停运", "翠湖小区3号楼电梯停运两个月，物业推诿不修，老人上下楼困难。");
        step("clerk", number, "route", Map.of("mode", "ASSIGN", "unitId", unitId("990102-ZJJ"),
                "feedbackDueAt", "2026-03-20T17:00:00+08:00"));
        step("handler", number, "accept", null);

        at("2026-03-23", 9);
        clocks.scan();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> suggestions(number) == 1);

        // the event delivered again (a restart republishes outstanding events) changes nothing
        UUID id = jdbc.sql("SELECT id FROM petition.petition WHERE number = ?").param(number).query(UUID.class).single();
        DeadlineMissed again = new DeadlineMissed(id, number, StatutoryPeriod.ASSIGNMENT_FEEDBACK, unitId("990102-ZJJ"),
                LocalDate.parse("2026-03-20"));
        triggers.on(again); // the listener itself, asynchronous like a redelivery
        assertThat(suggestionsService.raise(id, SupervisionReason.NO_FEEDBACK, "ASSIGNMENT_FEEDBACK",
                again.dueDate())).as("what the listener does, synchronously").isFalse();
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> suggestions(number) == 1);
        // a clock of something that is not a petition raises nothing (and does not fail)
        assertThat(suggestionsService.raise(UUID.randomUUID(), SupervisionReason.OVERDUE_WITHOUT_CAUSE, "HANDLE",
                again.dueDate())).isFalse();

        JsonNode queue = ok(as("supervisor").get("/api/v1/supervision/suggestions"), 200);
        JsonNode s = find(queue, "number", number);
        assertThat(s).as("in the supervisor's queue").isNotNull();
        assertThat(s.get("trigger").asString()).isEqualTo("NO_FEEDBACK");
        assertThat(s.get("triggerLabel").asString()).isEqualTo("交办事项未按期反馈");
        assertThat(s.get("unitName").asString()).isEqualTo("东湖区住房和城乡建设局");
        assertThat(s.get("responsiblePerson").asString()).isEqualTo(displayName("handler"));
        // a unit never sees the supervisors' queue
        assertThat(as("handler").get("/api/v1/supervision/suggestions").status()).isEqualTo(403);
    }

    @Test
    void the_supervisors_order_is_answered_by_the_unit_and_closed() {
        at("2026-04-01", 9);
        String number = registerLetter("物业费重复收取", "物业公司对已缴纳的2025年物业费再次催缴，要求住建局督促纠正。");
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        at("2026-04-20", 9); // 书面告知 (15 days) missed
        clocks.scan();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> suggestions(number) == 1);
        long suggestion = jdbc.sql("SELECT id FROM supervision.suggestion WHERE petition_number = ?").param(number)
                .query(Long.class).single();

        Api supervisor = as("supervisor");
        Api.Response bad = supervisor.post("/api/v1/supervision/orders", Map.of("number", number, "method", "EMAIL",
                "requirement", " ", "dueDate", "2026-04-19"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors()).containsKeys("method", "reason", "requirement", "dueDate");
        assertThat(bad.fieldErrors().get("dueDate")).isEqualTo("应为今天之后的日期。");

        JsonNode order = ok(supervisor.post("/api/v1/supervision/orders", Map.of("number", number, "method", "PHONE",
                "reason", "OVERDUE_WITHOUT_CAUSE", "requirement", "请立即书面告知信访人受理情况，并于期限内反馈办理进展。",
                "dueDate", "2026-04-25", "suggestionId", suggestion)), 201);
        long id = order.get("id").asLong();
        assertThat(order.get("state").asString()).isEqualTo("OPEN");
        assertThat(order.get("unitName").asString()).isEqualTo("东湖区住房和城乡建设局");
        assertThat(jdbc.sql("SELECT state FROM supervision.suggestion WHERE id = ?").param(suggestion).query(String.class)
                .single()).isEqualTo("ORDERED");

        // the unit is told and sees it; a unit of another district does not even learn it exists
        assertThat(ok(as("handler").get("/api/v1/notices"), 200).get("items").toString()).contains(number);
        assertThat(find(ok(as("handler").get("/api/v1/supervision/orders"), 200), "number", number)).isNotNull();
        assertThat(as("handler2").get("/api/v1/supervision/orders/" + id).status()).isEqualTo(404);
        assertThat(as("handler2").post("/api/v1/supervision/orders/" + id + "/response",
                Map.of("response", "已处理")).status()).isEqualTo(404);
        // closing before the unit answered is refused
        assertThat(supervisor.post("/api/v1/supervision/orders/" + id + "/close", Map.of("note", "结案")).status())
                .isEqualTo(409);

        at("2026-04-22", 10);
        JsonNode answered = ok(as("handler").post("/api/v1/supervision/orders/" + id + "/response",
                Map.of("response", "已于4月21日书面告知信访人受理，正在核查物业收费情况，预计5月10日前办结。")), 200);
        assertThat(answered.get("state").asString()).isEqualTo("RESPONDED");
        assertThat(answered.get("respondedBy").asString()).isEqualTo(displayName("handler"));

        // sign in again: a token lives 8 hours, and the story's clock moved on two days
        JsonNode closed = ok(as("supervisor").post("/api/v1/supervision/orders/" + id + "/close",
                Map.of("note", "经电话回访信访人，已收到受理告知书，督办事项落实。")), 200);
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE object_id = ? AND action LIKE 'supervision.order.%'")
                .param(number).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void an_unanswered_order_is_escalated_to_the_organ_above_the_unit() {
        at("2026-05-06", 9);
        String number = registerLetter("道路修缮拖延", "东湖区翠湖路破损一年未修，多次反映无果。");
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        long id = ok(as("supervisor").post("/api/v1/supervision/orders", Map.of("number", number, "method", "LETTER",
                "reason", "SHIRKING_OR_DELAY", "requirement", "请说明迟迟未受理的原因。", "dueDate", "2026-05-12")), 201)
                .get("id").asLong();
        at("2026-05-14", 9);
        assertThat(ok(as("supervisor").get("/api/v1/supervision/orders/" + id), 200).get("overdue").asBoolean()).isTrue();
        JsonNode next = ok(as("supervisor").post("/api/v1/supervision/orders/" + id + "/escalate",
                Map.of("requirement", "原督办单逾期未反馈，请区政府督促住建局限期办理。", "dueDate", "2026-05-20")), 201);
        assertThat(next.get("level").asInt()).isEqualTo(2);
        assertThat(next.get("method").asString()).isEqualTo("ESCALATED");
        assertThat(next.get("unitId").asLong()).isEqualTo(unitId("990102")); // the district's people's government
        assertThat(ok(as("supervisor").get("/api/v1/supervision/orders/" + id), 200).get("state").asString())
                .isEqualTo("ESCALATED");
    }

    private long suggestions(String number) {
        return jdbc.sql("SELECT count(*) FROM supervision.suggestion WHERE petition_number = ?").param(number)
                .query(Long.class).single();
    }
}
