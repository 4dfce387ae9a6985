package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.shared.InvalidInputException;

import tools.jackson.databind.JsonNode;

/**
 * 意见箱: a citizen's report about a unit's staff reaches only the bureau's supervisors; the unit concerned
 * cannot see it by any way; name and contact are sealed at rest.
 */
class FeedbackBoxTests extends SupervisionStory {

    @Autowired
    FeedbackBox box;

    @Test
    void a_report_about_a_units_staff_is_invisible_to_that_unit() {
        String reference = box.submit(new FeedbackBox.Report("周女士", "13700001111", unitId("990102-ZJJ"), "窗口工作人员（工号0231）",
                "11月3日到住建局窗口咨询，工作人员态度恶劣，拒绝接收材料并让我找信访局。"));
        long id = jdbc.sql("SELECT id FROM supervision.feedback WHERE reference = ?").param(reference).query(Long.class).single();

        JsonNode queue = ok(as("supervisor").get("/api/v1/supervision/feedback"), 200);
        assertThat(find(queue, "reference", reference)).isNotNull();
        JsonNode one = ok(as("supervisor").get("/api/v1/supervision/feedback/" + id), 200);
        assertThat(one.get("name").asString()).isEqualTo("周女士");
        assertThat(one.get("contact").asString()).isEqualTo("13700001111");

        for (String staff : new String[] { "handler", "approver" }) {
            assertThat(as(staff).get("/api/v1/supervision/feedback").status()).isEqualTo(403);
            assertThat(as(staff).get("/api/v1/supervision/feedback/" + id).status()).isEqualTo(403);
            assertThat(as(staff).post("/api/v1/supervision/feedback/" + id + "/close", Map.of("conclusion", "不属实")).status())
                    .isEqualTo(403);
        }
        // nor does a leader or the unit's staff see it through any other list
        assertThat(as("leader").get("/api/v1/supervision/feedback").status()).isEqualTo(403);
        assertThat(ok(as("approver").get("/api/v1/notices"), 200).toString()).doesNotContain(reference);

        byte[] sealed = jdbc.sql("SELECT name_enc FROM supervision.feedback WHERE id = ?").param(id).query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("周女士");

        JsonNode closed = ok(as("supervisor").post("/api/v1/supervision/feedback/" + id + "/close",
                Map.of("conclusion", "经调取窗口录像核实，已责令该工作人员书面检查并向来访人道歉。")), 200);
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void a_report_needs_what_happened_but_no_name() {
        assertThat(box.submit(new FeedbackBox.Report(null, null, null, null, "信访局接待大厅排队叫号系统经常故障，无人处理。")))
                .startsWith("YJ");
        assertThatThrownBy(() -> box.submit(new FeedbackBox.Report(null, null, 999999L, null, "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("content", "aboutUnitId"));
    }
}
