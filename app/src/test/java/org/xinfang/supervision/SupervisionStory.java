package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/** The stage of the supervision stories: the running platform, its database, a clock to move, HTTP steps. */
@XinfangTest
abstract class SupervisionStory {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void startOfStory() {
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(String isoDate, int hour) {
        clock.set(LocalDate.parse(isoDate).atTime(LocalTime.of(hour, 0)).atZone(ChinaTime.ZONE).toInstant());
    }

    Api as(String user) {
        return new Api(port).as(user);
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }

    String displayName(String username) {
        return jdbc.sql("SELECT display_name FROM organization.staff_user WHERE username = ?").param(username)
                .query(String.class).single();
    }

    /** A letter about housing in 东湖区, registered by the clerk; returns the 信访件编号. */
    String registerLetter(String title, String content) {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "李建国");
        person.put("idCardNumber", IdCards.next());
        person.put("phone", "13812345678");
        person.put("address", "示范市东湖区翠湖路88号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "LETTER");
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("category", "城乡建设");
        body.put("regionCode", "990102001");
        body.put("title", title);
        body.put("content", content);
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    JsonNode step(String user, String number, String action, Object body) {
        Api.Response r = as(user).post("/api/v1/petitions/" + number + "/" + action, body == null ? Map.of() : body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode detail(String user, String number) {
        Api.Response r = as(user).get("/api/v1/petitions/" + number);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.get(field).asString())) {
                return n;
            }
        }
        return null;
    }
}
