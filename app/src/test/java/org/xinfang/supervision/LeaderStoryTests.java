package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xinfang.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * 领导包案 and 领导批示: a leader owns a hard case with plan, measures and deadline, sees it on the dashboard
 * with the working days left (overdue first), and the unit is told; a leader's instruction is tracked until
 * the unit reports it done and the leader confirms.
 */
class LeaderStoryTests extends SupervisionStory {

    @Test
    void a_leader_owned_case_is_on_the_leaders_dashboard_with_working_days_left_overdue_first() {
        at("2026-06-01", 9); // a Monday
        String hard = registerLetter("征地补偿款多年未兑付", "东湖区翠湖村12户村民的征地补偿款自2019年起未足额兑付，多次信访未果。");
        String older = registerLetter("安置房漏水", "东湖区安置小区6号楼多户漏水，维修无人负责。");
        step("clerk", hard, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));

        Api leader = as("leader");
        Api.Response missing = leader.post("/api/v1/supervision/ownerships", Map.of("number", hard, "plan", "",
                "dueDate", "2026-05-01"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldErrors()).containsKeys("plan", "measures", "dueDate");

        JsonNode owned = ok(leader.post("/api/v1/supervision/ownerships", Map.of("number", hard,
                "plan", "一、摸清12户补偿款底数；二、协调区财政局筹措资金；三、分批兑付。",
                "measures", "每周调度一次，住建局局长具体负责，6月底前完成兑付。", "dueDate", "2026-06-12")), 201);
        long ownership = owned.get("id").asLong();
        ok(leader.post("/api/v1/supervision/ownerships", Map.of("number", older, "plan", "查明漏水原因并组织维修。",
                "measures", "区住建局牵头，物业配合。", "dueDate", "2026-06-03")), 201);
        // one leader owns a case at a time
        assertThat(as("leader").post("/api/v1/supervision/ownerships", Map.of("number", hard, "plan", "另一方案",
                "measures", "另一措施", "dueDate", "2026-06-30")).status()).isEqualTo(409);

        // 6-02…6-05 and 6-08…6-12: nine working days
        JsonNode dashboard = ok(leader.get("/api/v1/supervision/ownerships"), 200);
        assertThat(find(dashboard, "number", hard).get("workingDaysLeft").asLong()).isEqualTo(9);
        assertThat(find(dashboard, "number", hard).get("currentUnit").asString()).isEqualTo("东湖区住房和城乡建设局");

        at("2026-06-05", 9); // the older one is two working days overdue: it comes first
        dashboard = ok(as("leader").get("/api/v1/supervision/ownerships"), 200);
        int hardAt = -1;
        int olderAt = -1;
        for (int i = 0; i < dashboard.size(); i++) {
            String n = dashboard.get(i).get("number").asString();
            hardAt = n.equals(hard) ? i : hardAt;
            olderAt = n.equals(older) ? i : olderAt;
        }
        assertThat(olderAt).isLessThan(hardAt);
        assertThat(dashboard.get(olderAt).get("overdue").asBoolean()).isTrue();
        assertThat(dashboard.get(olderAt).get("workingDaysLeft").asLong()).isEqualTo(-2);
        assertThat(dashboard.get(hardAt).get("workingDaysLeft").asLong()).isEqualTo(5);

        // the unit was told, writes progress; the owner is on the case for everyone who may see it
        assertThat(ok(as("handler").get("/api/v1/notices"), 200).get("items").toString()).contains(hard);
        JsonNode noted = ok(as("handler").post("/api/v1/supervision/ownerships/" + ownership + "/notes",
                Map.of("text", "已核实12户补偿款底数共计186万元。")), 200);
        assertThat(noted.get("notes").get(0).get("author").asString()).isEqualTo(displayName("handler"));
        assertThat(as("handler2").get("/api/v1/supervision/ownerships/" + ownership).status()).isEqualTo(404);
    }

    @Test
    void an_instruction_is_tracked_until_the_unit_reports_it_done_and_the_leader_confirms() {
        at("2026-07-01", 9);
        String number = registerLetter("学校周边违建", "东湖区实验小学门口违章搭建棚屋，影响学生通行安全。");
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));

        JsonNode written = ok(as("leader").post("/api/v1/supervision/instructions", Map.of("number", number,
                "text", "请区住建局会同城管部门一周内拆除违建，确保学生安全。", "dueDate", "2026-07-08")), 201);
        long id = written.get("id").asLong();
        assertThat(written.get("state").asString()).isEqualTo("OPEN");
        assertThat(written.get("unitName").asString()).isEqualTo("东湖区住房和城乡建设局");

        // the leader cannot confirm what was not reported, another district's unit cannot report
        assertThat(as("leader").post("/api/v1/supervision/instructions/" + id + "/confirm", Map.of("accept", true)).status())
                .isEqualTo(409);
        assertThat(as("handler2").post("/api/v1/supervision/instructions/" + id + "/report",
                Map.of("report", "已拆除")).status()).isEqualTo(404);

        JsonNode reported = ok(as("approver").post("/api/v1/supervision/instructions/" + id + "/report",
                Map.of("report", "7月5日已会同城管执法局拆除违建棚屋3处，恢复通道。")), 200);
        assertThat(reported.get("state").asString()).isEqualTo("REPORTED");
        assertThat(ok(as("leader").get("/api/v1/notices"), 200).get("items").toString()).contains(number);

        JsonNode done = ok(as("leader").post("/api/v1/supervision/instructions/" + id + "/confirm", Map.of("accept", true)), 200);
        assertThat(done.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(done.get("stateLabel").asString()).isEqualTo("已落实");
        assertThat(find(ok(as("leader").get("/api/v1/supervision/instructions"), 200), "number", number)
                .get("state").asString()).isEqualTo("CONFIRMED");
    }
}
