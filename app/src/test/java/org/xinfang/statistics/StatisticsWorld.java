package org.xinfang.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** Steps of the statistics stories: petitions registered and handled through the HTTP API on chosen days. */
final class StatisticsWorld {

    /** A petition as the petitioner holds it. */
    record Receipt(String number, String queryCode, String idCard) {
    }

    private final int port;
    private final JdbcClient jdbc;
    private final MutableClock clock;

    StatisticsWorld(int port, JdbcClient jdbc, MutableClock clock) {
        this.port = port;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Moves the clock to {@code hour}:00 Beijing time on a date. */
    void at(String isoDate, int hour) {
        clock.set(LocalDate.parse(isoDate).atTime(LocalTime.of(hour, 0)).atZone(ChinaTime.ZONE).toInstant());
    }

    Api as(String user) {
        return new Api(port).as(user);
    }

    Api anonymous() {
        return new Api(port);
    }

    /** The city clerk registers a letter (or another channel) received now, from a new petitioner unless given. */
    Receipt register(String channel, String idCard, String category, String region, String title, String content) {
        String card = idCard == null ? IdCards.next() : idCard;
        Map<String, Object> person = new HashMap<>();
        person.put("name", "李建国");
        person.put("idCardNumber", card);
        person.put("phone", "13912345678");
        person.put("address", "示范市东湖区翠湖路18号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("category", category);
        body.put("regionCode", region);
        body.put("title", title);
        body.put("content", content);
        Api.Response r = as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Receipt(r.json().get("number").asString(), r.json().get("queryCode").asString(), card);
    }

    Receipt letter(String title) {
        return register("LETTER", null, "城乡建设", "990102001", title, title + "，请有关部门依法处理并答复。");
    }

    JsonNode step(String user, String number, String action, Object body) {
        Api.Response r = as(user).post("/api/v1/petitions/" + number + "/" + action, body == null ? Map.of() : body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    void forward(String number, String unitCode) {
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId(unitCode)));
    }

    void accept(String number, boolean simplified) {
        step("handler", number, "accept", simplified ? Map.of("simplified", true) : null);
    }

    /** The 东湖区住建局 handler drafts a reply and the unit head approves it, both now. */
    void answer(String number) {
        step("handler", number, "reply", Map.of("outcome", "EXPLAINED",
                "text", "经调查核实，您反映的问题已转相关街道跟进处理，现将有关情况答复如下。如不服本答复，可自收到之日起30日内向东湖区人民政府申请复查。"));
        step("approver", number, "approve", Map.of("decision", "APPROVE"));
    }

    void rate(Receipt r, String rating) {
        Api.Response res = anonymous().post("/api/v1/public/petitions/" + r.number() + "/rating",
                Map.of("queryCode", r.queryCode(), "rating", rating));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }

    String codeOf(String unitName) {
        return jdbc.sql("SELECT code FROM organization.unit WHERE name = ? ORDER BY id LIMIT 1").param(unitName)
                .query(String.class).single();
    }

    /** The due date of the newest clock of a period of a petition. */
    LocalDate due(String number, String period) {
        return jdbc.sql("""
                SELECT due_date FROM deadline.clock WHERE subject_ref = ? AND period = ? ORDER BY id DESC LIMIT 1""")
                .params(number, period).query(LocalDate.class).single();
    }

    /** GET as a user, as bytes (PDF, XLSX). */
    HttpResponse<byte[]> bytes(String user, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = anonymous().post("/api/v1/auth/token", Map.of("username", user, "password", Api.DEMO_PASSWORD))
                .json().get("token").asString();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
