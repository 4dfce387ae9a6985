package org.xinfang.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;

import tools.jackson.databind.JsonNode;

/** Petitions for the campaign and dispute stories, registered and moved along through the HTTP API. */
final class CampaignCases {

    private final int port;
    private final JdbcClient jdbc;

    CampaignCases(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    Api as(String user) {
        return new Api(port).as(user);
    }

    /** A letter about a place, received {@code daysAgo} days before {@code now}; returns its number. */
    String letter(Instant now, int daysAgo, String regionCode, String title) {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "王积案");
        person.put("idCardNumber", IdCards.next());
        person.put("phone", "13812345678");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "LETTER");
        body.put("receivedAt", OffsetDateTime.ofInstant(now.minus(Duration.ofDays(daysAgo)), ChinaTime.ZONE).toString());
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("category", "城乡建设");
        body.put("regionCode", regionCode);
        body.put("title", title);
        body.put("content", title + "，多年反映未得到解决，请求依法处理。");
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }

    void step(String user, String number, String action, Map<String, Object> body) {
        Api.Response r = as(user).post("/api/v1/petitions/" + number + "/" + action, body == null ? Map.of() : body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }

    /** Forwarded to 东湖区住建局 and accepted there: 办理中. */
    void inProgress(String number) {
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        step("handler", number, "accept", null);
    }

    /** … and answered with an approved reply: 已办结, the 复查 window running. */
    void answered(String number) {
        inProgress(number);
        step("handler", number, "reply", Map.of("outcome", "EXPLAINED", "text",
                "经核查，该小区历史遗留问题已纳入区政府专项整治计划，现予以解释说明。如不服本答复，可自收到之日起30日内向东湖区人民政府申请复查。"));
        step("approver", number, "approve", Map.of("decision", "APPROVE"));
    }

    String status(String number) {
        return jdbc.sql("SELECT status FROM petition.petition WHERE number = ?").param(number).query(String.class).single();
    }

    static boolean has(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field) != null && value.equals(n.get(field).asString())) {
                return true;
            }
        }
        return false;
    }
}
