package org.xinfang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * The public API's limits per client address: nobody can probe numbers or query codes by trying many,
 * and one busy address does not lock anybody else out.
 */
@XinfangTest
class PublicLimitsTests {

    @LocalServerPort
    int port;

    @Test
    void two_hundred_wrong_codes_from_one_address_are_throttled_and_the_right_code_still_works_from_another() {
        JsonNode receipt = submit(new Api(port), "反映路灯不亮", "西山街道枫林路路灯已坏两周，夜间出行不安全。");
        String number = receipt.get("number").asString();
        String code = receipt.get("queryCode").asString();

        Api prober = new Api(port).header("X-Forwarded-For", PortalPeople.newAddress());
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            Api.Response r = prober.get("/api/v1/public/petitions/" + number + "?queryCode=WRONG" + (1000 + i));
            statuses.merge(r.status(), 1, Integer::sum);
        }
        // a figure for the report, not an assertion: what the counting costs per refused call on this machine
        System.out.printf("PublicLimitsTests: 200 wrong-code calls from one address in %d ms, statuses %s%n",
                (System.nanoTime() - started) / 1_000_000, statuses);
        // a few honest-looking mistakes get the neutral 404, then a question, then a firm 429
        assertThat(statuses.getOrDefault(404, 0)).isEqualTo(5);
        assertThat(statuses.getOrDefault(428, 0)).isEqualTo(25);
        assertThat(statuses.getOrDefault(429, 0)).isEqualTo(170);
        assertThat(statuses).doesNotContainKey(200);

        Api.Response blocked = prober.get("/api/v1/public/petitions/" + number + "?queryCode=" + code);
        assertThat(blocked.status()).as("even the right code is refused from the throttled address").isEqualTo(429);
        assertThat(blocked.json().get("detail").asString()).contains("请求次数已达上限");

        Api.Response elsewhere = new Api(port).header("X-Forwarded-For", PortalPeople.newAddress())
                .get("/api/v1/public/petitions/" + number + "?queryCode=" + code);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.json().get("number").asString()).isEqualTo(number);
    }

    @Test
    void after_five_wrong_codes_the_api_asks_a_question_and_the_right_answer_lets_the_request_through() {
        JsonNode receipt = submit(new Api(port), "反映噪声扰民", "码头街道夜间施工噪声扰民，请求依法查处。");
        String number = receipt.get("number").asString();
        String address = PortalPeople.newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(new Api(port).header("X-Forwarded-For", address)
                    .get("/api/v1/public/petitions/" + number + "?queryCode=NOTRIGHT").status()).isEqualTo(404);
        }
        Api.Response asked = new Api(port).header("X-Forwarded-For", address)
                .get("/api/v1/public/petitions/" + number + "?queryCode=" + receipt.get("queryCode").asString());
        assertThat(asked.status()).isEqualTo(428);
        assertThat(asked.json().get("detail").asString()).contains("验证问题");
        JsonNode challenge = asked.json().get("challenge");
        String question = challenge.get("question").asString();
        assertThat(question).matches("\\d+ 加 \\d+ 等于多少？");

        Api.Response answered = new Api(port).header("X-Forwarded-For", address)
                .header("X-Challenge-Id", challenge.get("id").asString()).header("X-Challenge-Answer", solve(question))
                .get("/api/v1/public/petitions/" + number + "?queryCode=" + receipt.get("queryCode").asString());
        assertThat(answered.status()).isEqualTo(200);

        // a challenge is good for one request only
        Api.Response reused = new Api(port).header("X-Forwarded-For", address)
                .header("X-Challenge-Id", challenge.get("id").asString()).header("X-Challenge-Answer", solve(question))
                .get("/api/v1/public/petitions/" + number + "?queryCode=" + receipt.get("queryCode").asString());
        assertThat(reused.status()).isEqualTo(428);

        // clients may also ask for a question before they need one
        Api.Response fresh = new Api(port).header("X-Forwarded-For", address).post("/api/v1/public/challenges", Map.of());
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.json().get("question").asString()).contains("加");
    }

    @Test
    void submissions_from_one_address_need_a_question_after_five_and_stop_after_twenty_in_an_hour() {
        Api citizen = new Api(port);
        String address = PortalPeople.newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(send(address, i, null, null).status()).isEqualTo(201);
        }
        Api.Response asked = send(address, 5, null, null);
        assertThat(asked.status()).isEqualTo(428);
        for (int i = 5; i < 20; i++) {
            JsonNode q = new Api(port).header("X-Forwarded-For", address).post("/api/v1/public/challenges", Map.of()).json();
            Api.Response r = send(address, i, q.get("id").asString(), solve(q.get("question").asString()));
            assertThat(r.status()).as("submission " + i + ": " + r.body()).isEqualTo(201);
        }
        JsonNode q = new Api(port).header("X-Forwarded-For", address).post("/api/v1/public/challenges", Map.of()).json();
        Api.Response refused = send(address, 20, q.get("id").asString(), solve(q.get("question").asString()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(citizen.header("X-Forwarded-For", PortalPeople.newAddress())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body("另一位居民反映的事项", "北岭街道新华社区垃圾清运不及时。")).status())
                .isEqualTo(201);
    }

    private Api.Response send(String address, int i, String challengeId, String answer) {
        Api api = new Api(port).header("X-Forwarded-For", address).header("Idempotency-Key", UUID.randomUUID().toString());
        if (challengeId != null) {
            api.header("X-Challenge-Id", challengeId).header("X-Challenge-Answer", answer);
        }
        return api.post("/api/v1/public/petitions", body("同一地址的第" + i + "件", "第" + i + "件：杏花镇桃源村道路硬化工程拖延。" + UUID.randomUUID()));
    }

    private static String solve(String question) {
        String[] parts = question.replaceAll("[^0-9 ]", " ").trim().split("\\s+");
        return Integer.toString(Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]));
    }

    private JsonNode submit(Api api, String title, String content) {
        Api.Response r = api.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/public/petitions",
                body(title, content));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Map<String, Object> body(String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "赵丽");
        body.put("idCardNumber", PortalPeople.idCard());
        body.put("phone", "13800138000");
        body.put("address", "示范市北岭区新华路5号");
        body.put("regionCode", "990105");
        body.put("title", title);
        body.put("content", content);
        return body;
    }
}
