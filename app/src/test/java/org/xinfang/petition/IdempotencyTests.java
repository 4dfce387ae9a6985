package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

/** A petitioner told "received, number X" gets X again on every retry, and never a second petition. */
@XinfangTest
class IdempotencyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_same_key_sent_20_times_concurrently_creates_exactly_one_petition() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = online("反映公交线路调整", "12路公交取消翠湖站后老人出行不便，请求恢复站点。");
        List<Future<Api.Response>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> new Api(port).header("Idempotency-Key", key)
                    .post("/api/v1/public/petitions", body)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        List<String> numbers = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            numbers.add(r.json().get("number").asString() + "/" + r.json().get("queryCode").asString());
        }
        assertThat(numbers).hasSize(20).containsOnly(numbers.get(0));
        String number = numbers.get(0).split("/")[0];
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition WHERE title = ?").param("反映公交线路调整")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition WHERE number = ?").param(number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_a_missing_key_is_a_field_error() {
        String key = UUID.randomUUID().toString();
        assertThat(new Api(port).header("Idempotency-Key", key)
                .post("/api/v1/public/petitions", online("噪音", "广场舞噪音扰民。")).status()).isEqualTo(201);
        Api.Response other = new Api(port).header("Idempotency-Key", key)
                .post("/api/v1/public/petitions", online("噪音", "广场舞噪音扰民，晚上十点以后仍在继续。"));
        assertThat(other.status()).isEqualTo(409);
        Api.Response noKey = new Api(port).post("/api/v1/public/petitions", online("噪音", "广场舞噪音。"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.fieldErrors()).containsKey("Idempotency-Key");
    }

    @Test
    void an_invalid_online_petition_stores_nothing() {
        long before = jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
        long people = jdbc.sql("SELECT count(*) FROM people.petitioner").query(Long.class).single();
        Map<String, Object> body = online("", "x".repeat(50_000));
        body.put("idCardNumber", "110105194912310021");
        Api.Response r = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKeys("title", "content", "petitioner.idCardNumber");
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM people.petitioner").query(Long.class).single()).isEqualTo(people);
    }

    private static Map<String, Object> online(String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "李华");
        body.put("idCardNumber", Stories.newIdCard());
        body.put("phone", "13900001234");
        body.put("address", "示范市西山区枫林路1号");
        body.put("regionCode", "990103001");
        body.put("title", title);
        body.put("content", content);
        return body;
    }
}
