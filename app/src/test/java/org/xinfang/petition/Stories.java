package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** Shared steps of the lifecycle stories, all through the HTTP API. */
final class Stories {

    private final int port;
    private final JdbcClient jdbc;

    Stories(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    Api as(String user) {
        return new Api(port).as(user);
    }

    Api anonymous() {
        return new Api(port);
    }

    static void at(MutableClock clock, String isoDate, int hour) {
        clock.set(LocalDate.parse(isoDate).atTime(LocalTime.of(hour, 0)).atZone(ChinaTime.ZONE).toInstant());
    }

    /** A fresh, valid ID card number, so a repeat petitioner is always deliberate. */
    static String newIdCard() {
        return IdCards.next();
    }

    static Map<String, Object> person(String name, String idCard) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("idCardNumber", idCard);
        p.put("phone", "13812345678");
        p.put("address", "示范市东湖区翠湖路88号");
        return p;
    }

    static Map<String, Object> letter(String idCard, String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "LETTER");
        body.put("petitioner", person("王小明", idCard));
        body.put("type", "APPEAL");
        body.put("category", "城乡建设");
        body.put("regionCode", "990102001");
        body.put("title", title);
        body.put("content", content);
        return body;
    }

    /** Registers as the clerk and returns the receipt. */
    JsonNode register(Map<String, Object> body) {
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }

    JsonNode step(String user, String number, String action, Object body) {
        Api.Response r = as(user).post("/api/v1/petitions/" + number + "/" + action, body == null ? Map.of() : body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    Api.Response attempt(String user, String number, String action, Object body) {
        return as(user).post("/api/v1/petitions/" + number + "/" + action, body == null ? Map.of() : body);
    }

    JsonNode detail(String user, String number) {
        Api.Response r = as(user).get("/api/v1/petitions/" + number);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> events(JsonNode detail) {
        List<String> events = new java.util.ArrayList<>();
        for (JsonNode t : detail.get("timeline")) {
            events.add(t.get("event").asString());
        }
        return events;
    }

    static JsonNode deadline(JsonNode detail, String period) {
        JsonNode found = null;
        for (JsonNode d : detail.get("deadlines")) {
            if (d.get("period").asString().equals(period)) {
                found = d; // the newest of that period
            }
        }
        return found;
    }

    /** The 东湖区住建局 forward, acceptance, reply and approval of a registered letter. */
    String forwardAcceptAndAnswer(String number) {
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        step("handler", number, "accept", null);
        step("handler", number, "reply", Map.of("outcome", "NOT_SUPPORTED",
                "text", "经调查，所反映的小区停车位收费系按照物业服务合同执行，不违反相关规定。如不服本答复，可自收到之日起30日内向东湖区人民政府申请复查。"));
        step("approver", number, "approve", Map.of("decision", "APPROVE"));
        return number;
    }
}
