package org.xinfang.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/** The approver checks the draft awaiting approval; anyone drafting may check a text; scope holds. */
@XinfangTest
class ReplyCheckApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api as(String user) {
        return new Api(port).as(user);
    }

    private String registeredForwardedAccepted() {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "王小明");
        person.put("idCardNumber", org.xinfang.document.TestIdCards.next());
        person.put("phone", "13912345678");
        person.put("address", "示范市东湖区翠湖路88号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "ONLINE");
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("regionCode", "990102001");
        body.put("title", "小区停车位收费不合理");
        body.put("content", ReplyCheckerTests.PETITION);
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().get("number").asString();
        long unit = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990102-ZJJ'").query(Long.class).single();
        assertThat(as("clerk").post("/api/v1/petitions/" + number + "/route", Map.of("mode", "FORWARD", "unitId", unit))
                .status()).isEqualTo(200);
        assertThat(as("handler").post("/api/v1/petitions/" + number + "/accept", Map.of()).status()).isEqualTo(200);
        return number;
    }

    @Test
    void the_approver_sees_what_the_pending_draft_lacks_before_approving_it() {
        String number = registeredForwardedAccepted();
        String path = "/api/v1/petitions/" + number + "/reply-check";
        assertThat(as("approver").get(path).status()).as("nothing drafted yet").isEqualTo(409);

        assertThat(as("handler").post("/api/v1/petitions/" + number + "/reply", Map.of("outcome", "SUPPORTED", "text",
                "你反映的停车位收费问题已收悉，已责令物业公司退还多收的停车费。")).status()).isEqualTo(200);
        Api.Response checked = as("approver").get(path);
        assertThat(checked.status()).isEqualTo(200);
        JsonNode result = checked.json();
        assertThat(result.get("passed").asBoolean()).isFalse();
        List<String> missing = new java.util.ArrayList<>();
        result.get("missing").forEach(m -> missing.add(m.asString()));
        assertThat(missing).anyMatch(m -> m.startsWith("未回应信访人的诉求") && m.contains("电动车充电桩"))
                .anyMatch(m -> m.startsWith("未写明调查核实的事实"))
                .anyMatch(m -> m.startsWith("未写明处理依据"))
                .anyMatch(m -> m.startsWith("缺少复查告知") && m.contains("东湖区"));
        // the unit's own handler and the supervisor may look; another district's handler finds nothing
        assertThat(as("supervisor").get(path).status()).isEqualTo(200);
        assertThat(as("handler2").get(path).status()).isEqualTo(404);
        assertThat(as("clerk").get(path).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE object_id = ? AND action = 'petition.read' AND actor = 'approver'")
                .param(number).query(Long.class).single()).isPositive();

        // rejected, redrafted completely, checked again: nothing missing
        assertThat(as("approver").post("/api/v1/petitions/" + number + "/approve", Map.of("decision", "REJECT", "note",
                "请按检查结果补充")).status()).isEqualTo(200);
        assertThat(as("handler").post("/api/v1/petitions/" + number + "/reply", Map.of("outcome", "SUPPORTED", "text",
                ReplyCheckerTests.GOOD)).status()).isEqualTo(200);
        JsonNode again = as("approver").get(path).json();
        assertThat(again.get("missing")).isEmpty();
        assertThat(again.get("passed").asBoolean()).isTrue();
    }

    @Test
    void any_text_can_be_checked_and_bad_input_gets_field_messages() {
        Api.Response ok = as("handler").post("/api/v1/reply-check", Map.of("type", "SUGGESTION", "content", "建议增设公交线路。",
                "outcome", "NOT_SUPPORTED", "text", ReplyCheckerTests.GOOD));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("missing").toString()).contains("不是建议意见类信访事项的法定处理结果");
        Api.Response empty = as("handler").post("/api/v1/reply-check", Map.of("text", " ", "stage", 5));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fieldErrors()).containsKeys("text", "stage");
        assertThat(as("handler").post("/api/v1/reply-check", Map.of("text", "x", "outcome", "MAYBE")).status()).isEqualTo(400);
        assertThat(new Api(port).post("/api/v1/reply-check", Map.of("text", "x")).status()).isEqualTo(401);
        assertThat(as("admin").post("/api/v1/reply-check", Map.of("text", "x")).status()).isEqualTo(403);
    }
}
