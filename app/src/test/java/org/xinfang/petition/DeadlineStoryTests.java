package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.deadline.Clocks;
import org.xinfang.deadline.DeadlineMissed;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.support.Api;
import org.xinfang.support.RecordedEvents;

import tools.jackson.databind.JsonNode;

/** The statutory clocks of a petition: the 交办 feedback deadline and the 5-working-day objection period. */
class DeadlineStoryTests extends StoryTest {

    @Autowired
    Clocks clocks;

    @Autowired
    RecordedEvents events;

    @Test
    void an_assignment_whose_feedback_deadline_passes_raises_exactly_one_deadline_missed() {
        Stories.at(clock, "2026-06-01", 9);
        JsonNode receipt = story.register(Stories.letter(Stories.newIdCard(), "拖欠农民工工资",
                "北岭区某工地拖欠20名农民工工资共计60万元，请求督促支付。"));
        String number = receipt.get("number").asString();
        UUID id = UUID.fromString(receipt.get("id").asString());
        story.step("clerk", number, "route", Map.of("mode", "ASSIGN", "unitId", story.unitId("990102-ZJJ"),
                "feedbackDueAt", "2026-06-20T17:00:00+08:00"));
        JsonNode assigned = story.detail("clerk", number);
        assertThat(Stories.deadline(assigned, "ASSIGNMENT_FEEDBACK").get("dueDate").asString()).isEqualTo("2026-06-20");

        Stories.at(clock, "2026-06-22", 9);
        clocks.scan();
        clocks.scan();
        assertThat(events.of(DeadlineMissed.class).stream()
                .filter(e -> e.subjectId().equals(id) && e.period() == StatutoryPeriod.ASSIGNMENT_FEEDBACK))
                .hasSize(1);
        JsonNode overdue = story.detail("supervisor", number);
        assertThat(Stories.deadline(overdue, "ASSIGNMENT_FEEDBACK").get("state").asString()).isEqualTo("MISSED");
        assertThat(story.as("supervisor").get("/api/v1/petitions?overdue=true&q=" + number).json().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void a_misrouted_matter_is_returned_within_5_working_days_across_the_national_day_holiday() {
        Stories.at(clock, "2026-09-29", 10);
        String inTime = routedTo("990102-ZJJ");
        String tooLate = routedTo("990102-ZJJ");
        JsonNode routed = story.detail("handler", inTime);
        // 9-30 is day 1; 10-1…10-7 holiday; 10-8, 10-9; Saturday 10-10 is a 调休 working day; Monday 10-12 is day 5
        assertThat(Stories.deadline(routed, "MISROUTE_OBJECTION").get("dueDate").asString()).isEqualTo("2026-10-12");

        Stories.at(clock, "2026-10-12", 16);
        JsonNode returned = story.step("handler", inTime, "return", Map.of("reason", "小区违建属城管执法局职责，非住建局职责"));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(story.detail("clerk", inTime).get("currentUnit").get("name").asString()).isEqualTo("示范市信访局");

        Stories.at(clock, "2026-10-13", 9);
        Api.Response late = story.attempt("handler", tooLate, "return", Map.of("reason", "非本单位职责"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("5个工作日");
        assertThat(story.detail("handler", tooLate).get("status").asString()).isEqualTo("ROUTED");
    }

    private String routedTo(String unitCode) {
        String number = story.register(Stories.letter(Stories.newIdCard(), "违章搭建", "邻居在楼顶违章搭建阳光房。"))
                .get("number").asString();
        story.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", story.unitId(unitCode)));
        return number;
    }
}
