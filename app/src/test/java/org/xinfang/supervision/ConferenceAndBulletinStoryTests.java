package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.deadline.Clocks;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;

import tools.jackson.databind.JsonNode;

/**
 * 联席会议: a cross-department matter is decided by the joint conference and the case follows the decision;
 * 通报: the bulletin of a period names the units with overdue and unsatisfied items; 约谈 is recorded.
 */
class ConferenceAndBulletinStoryTests extends SupervisionStory {

    @Autowired
    Clocks clocks;

    @Test
    void the_joint_conference_decides_a_lead_unit_and_the_case_is_assigned_to_it() {
        at("2026-08-03", 9);
        String number = registerLetter("老旧小区改造涉及多部门", "翠湖小区改造涉及住建、交通、供电多个部门，各方互相推诿，改造停滞。");
        JsonNode referral = ok(as("supervisor").post("/api/v1/supervision/conferences",
                Map.of("number", number, "reason", "涉及住建、交通、电力多部门职责交叉，需联席会议明确牵头单位。")), 201);
        long id = referral.get("id").asLong();
        assertThat(referral.get("state").asString()).isEqualTo("REFERRED");

        Map<String, Object> decision = new HashMap<>();
        decision.put("meetingDate", "2026-08-05");
        decision.put("participants", "市信访局、区住建局、区交通运输局、供电公司");
        decision.put("decision", "由东湖区住建局牵头，交通运输局、供电公司配合，8月31日前完成改造方案并反馈。");
        decision.put("leadUnitId", unitId("990102-ZJJ"));
        decision.put("dueDate", "2026-08-31");
        Api.Response bad = as("supervisor").post("/api/v1/supervision/conferences/" + id + "/decision",
                Map.of("meetingDate", "2026-09-01", "leadUnitId", 999999));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors()).containsKeys("meetingDate", "participants", "decision", "leadUnitId", "dueDate");

        at("2026-08-05", 15);
        JsonNode decided = ok(as("supervisor").post("/api/v1/supervision/conferences/" + id + "/decision", decision), 200);
        assertThat(decided.get("state").asString()).isEqualTo("AWAITING_ROUTE");
        assertThat(detail("clerk", number).get("status").asString()).isEqualTo("REGISTERED");
        // the bureau's clerks are told to carry it out; a supervisor cannot route
        assertThat(ok(as("clerk").get("/api/v1/notices"), 200).get("items").toString()).contains(number);
        assertThat(as("supervisor").post("/api/v1/supervision/conferences/" + id + "/follow", Map.of()).status())
                .isEqualTo(403);

        JsonNode followed = ok(as("clerk").post("/api/v1/supervision/conferences/" + id + "/follow", Map.of()), 200);
        assertThat(followed.get("state").asString()).isEqualTo("FOLLOWED");
        JsonNode c = detail("clerk", number);
        assertThat(c.get("status").asString()).isEqualTo("ROUTED");
        assertThat(c.get("routeMode").asString()).isEqualTo("ASSIGN");
        assertThat(c.get("currentUnit").get("name").asString()).isEqualTo("东湖区住房和城乡建设局");
        String feedbackDue = null;
        for (JsonNode d : c.get("deadlines")) {
            if (d.get("period").asString().equals("ASSIGNMENT_FEEDBACK")) {
                feedbackDue = d.get("dueDate").asString();
            }
        }
        assertThat(feedbackDue).isEqualTo("2026-08-31");
    }

    @Test
    void a_decision_on_a_case_already_in_progress_is_recorded_and_sent_to_the_lead_unit() {
        at("2026-08-10", 9);
        String number = registerLetter("供暖管网改造", "翠湖小区供暖管网老化，改造涉及热力公司与住建局。");
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        step("handler", number, "accept", null);
        long id = ok(as("supervisor").post("/api/v1/supervision/conferences",
                Map.of("number", number, "reason", "涉及热力公司与住建局职责。")), 201).get("id").asLong();
        JsonNode decided = ok(as("supervisor").post("/api/v1/supervision/conferences/" + id + "/decision",
                Map.of("meetingDate", "2026-08-10", "participants", "住建局、热力公司", "decision", "住建局牵头，热力公司10月前完成改造。",
                        "leadUnitId", unitId("990102-ZJJ"), "dueDate", "2026-09-30")), 200);
        assertThat(decided.get("state").asString()).isEqualTo("RECORDED");
        assertThat(detail("handler", number).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(ok(as("handler").get("/api/v1/supervision/conferences/" + id), 200).get("decision").asString())
                .contains("住建局牵头");
    }

    @Test
    void the_bulletin_of_a_period_names_the_unit_with_overdue_and_unsatisfied_items() {
        at("2026-10-12", 9);
        String overdue = registerLetter("农贸市场噪音扰民", "东湖区农贸市场凌晨装卸货噪音扰民。");
        step("clerk", overdue, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));

        Map<String, Object> person = new HashMap<>();
        person.put("name", "赵敏");
        person.put("idCardNumber", IdCards.next());
        person.put("phone", "13912345678");
        person.put("address", "示范市东湖区翠湖路9号");
        Map<String, Object> letter = new HashMap<>();
        letter.put("channel", "LETTER");
        letter.put("petitioner", person);
        letter.put("type", "APPEAL");
        letter.put("category", "城乡建设");
        letter.put("regionCode", "990102001");
        letter.put("title", "物业维修基金使用不公开");
        letter.put("content", "小区维修基金使用情况从未公示，要求公开。");
        JsonNode receipt = ok(as("clerk").post("/api/v1/petitions", letter), 201);
        String unsatisfied = receipt.get("number").asString();
        step("clerk", unsatisfied, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        step("handler", unsatisfied, "accept", null);
        step("handler", unsatisfied, "reply", Map.of("outcome", "EXPLAINED", "text",
                "经核查，维修基金使用已在业主大会通报。如不服本答复，可自收到之日起30日内向东湖区人民政府申请复查。"));
        step("approver", unsatisfied, "approve", Map.of("decision", "APPROVE"));
        Api.Response rated = new Api(port).post("/api/v1/public/petitions/" + unsatisfied + "/rating",
                Map.of("queryCode", receipt.get("queryCode").asString(), "rating", "UNSATISFIED", "comment", "没有公开明细"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);

        at("2026-10-28", 9); // 书面告知 of the first one missed
        clocks.scan();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM supervision.suggestion WHERE petition_number IN (?, ?)").params(overdue, unsatisfied)
                .query(Long.class).single() == 2);

        Api.Response badRange = as("supervisor").get("/api/v1/supervision/bulletin?from=2026-10-31&to=2026-10-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.fieldErrors()).containsKey("to");

        JsonNode bulletin = ok(as("supervisor").get("/api/v1/supervision/bulletin?from=2026-10-01&to=2026-10-31"), 200);
        JsonNode line = find(bulletin.get("lines"), "unitName", "东湖区住房和城乡建设局");
        assertThat(line).as(bulletin.toString()).isNotNull();
        assertThat(line.get("overdue").toString()).contains(overdue);
        assertThat(line.get("unsatisfied").toString()).contains(unsatisfied);
        assertThat(as("handler").get("/api/v1/supervision/bulletin?from=2026-10-01&to=2026-10-31").status()).isEqualTo(403);

        // the 约谈 that follows the bulletin
        JsonNode interview = ok(as("supervisor").post("/api/v1/supervision/interviews", Map.of("unitId",
                unitId("990102-ZJJ"), "interviewee", "王某（局长）", "reason", "10月通报超期及群众不满意事项",
                "commitments", "一周内完成超期件书面告知，重新答复不满意件。", "heldOn", "2026-10-28",
                "followUpOn", "2026-11-04", "petitionNumber", overdue)), 201);
        assertThat(interview.get("unitName").asString()).isEqualTo("东湖区住房和城乡建设局");
        assertThat(find(ok(as("supervisor").get("/api/v1/supervision/interviews"), 200), "interviewee", "王某（局长）"))
                .isNotNull();
    }
}
