package org.xinfang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

/**
 * The petitioner hears of each step by SMS, after the step committed; the number and the 查询码 never
 * appear in a log, and nothing is kept of them once the message went out.
 */
@XinfangTest
@ExtendWith(OutputCaptureExtension.class)
class SmsNotificationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_receipt_sms_carries_the_query_code_but_the_log_shows_neither_the_number_nor_the_code(CapturedOutput output) {
        String phone = "13612345678";
        Api.Response r = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", online(phone, "反映供暖不足", "云岭街道望峰社区冬季供暖温度长期不达标。"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().get("number").asString();
        String code = r.json().get("queryCode").asString();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(number, "RECEIPT")));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("[RECEIPT]"));
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("136****5678 [RECEIPT] 您的信访事项已登记，信访件编号" + number + "，查询码********");
        assertThat(log).doesNotContain(phone).doesNotContain(code);
        // once sent, the outbox keeps that it was sent, not to whom or with which code
        assertThat(jdbc.sql("SELECT phone_enc IS NULL AND values_enc IS NULL FROM notification.sms_outbox o "
                + "JOIN petition.petition p ON p.id = o.petition_id WHERE p.number = ? AND o.template = 'RECEIPT'")
                .param(number).query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_landline_gets_no_sms_and_a_rolled_back_registration_sends_nothing() {
        Api.Response landline = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", online("010-62345678", "反映道路积水", "枫林路雨后积水严重。"));
        assertThat(landline.status()).isEqualTo(201);
        long before = jdbc.sql("SELECT count(*) FROM notification.sms_outbox").query(Long.class).single();
        Map<String, Object> bad = online("13912340000", "", "内容");
        Api.Response refused = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM notification.sms_outbox o JOIN petition.petition p ON p.id = o.petition_id "
                + "WHERE p.number = ?").param(landline.json().get("number").asString()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification.sms_outbox").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_failing_gateway_is_retried_later_and_the_message_is_not_lost() {
        // a message whose gateway call fails stays PENDING with a later attempt time
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        SmsGateway flaky = new SmsGateway() {
            int calls;

            @Override
            public void send(ShortMessage message) {
                if (calls++ == 0) {
                    throw new IllegalStateException("provider timeout for " + message.phone());
                }
                sent.add(message.text());
            }
        };
        SmsOutbox outbox = new SmsOutbox(jdbc, cipher, json, flaky, tx, clock);
        try {
            String key = "TEST:" + UUID.randomUUID();
            tx.executeWithoutResult(s -> outbox.enqueue(key, null, new ShortMessage("13800001111", SmsTemplate.ACCEPTED,
                    Map.of("number", "990100-20260101-000001", "unit", "东湖区住房和城乡建设局"))));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts(key) == 1);
            assertThat(jdbc.sql("SELECT state FROM notification.sms_outbox WHERE dedup_key = ?").param(key).query(String.class)
                    .single()).isEqualTo("PENDING");
            assertThat(jdbc.sql("SELECT last_error FROM notification.sms_outbox WHERE dedup_key = ?").param(key)
                    .query(String.class).single()).isEqualTo("java.lang.IllegalStateException").doesNotContain("13800001111");
            clock.advance(Duration.ofMinutes(2));
            assertThat(outbox.dispatchAll()).isGreaterThanOrEqualTo(1);
            assertThat(sent).contains("您的信访事项990100-20260101-000001已由东湖区住房和城乡建设局受理，将在法定期限内办理并书面答复。");
        } finally {
            clock.reset();
            outbox.destroy();
        }
    }

    @Autowired
    org.xinfang.people.PersonalDataCipher cipher;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    org.xinfang.support.MutableClock clock;

    private int attempts(String key) {
        return jdbc.sql("SELECT attempts FROM notification.sms_outbox WHERE dedup_key = ?").param(key).query(Integer.class).single();
    }

    private String state(String number, String template) {
        List<String> states = jdbc.sql("SELECT o.state FROM notification.sms_outbox o JOIN petition.petition p "
                + "ON p.id = o.petition_id WHERE p.number = ? AND o.template = ?").params(number, template)
                .query(String.class).list();
        return states.isEmpty() ? null : states.get(0);
    }

    private static Map<String, Object> online(String phone, String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "钱芳");
        body.put("idCardNumber", org.xinfang.support.IdCards.next());
        body.put("phone", phone);
        body.put("address", "示范市西山区云岭路2号");
        body.put("regionCode", "990103002");
        body.put("title", title);
        body.put("content", content);
        return body;
    }
}
