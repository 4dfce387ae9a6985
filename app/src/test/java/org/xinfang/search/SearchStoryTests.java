package org.xinfang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * Full-text search as staff use it: Chinese words, replies included, highlighted — and never a case
 * outside the searcher's scope, least of all a confidential 检举控告.
 */
@XinfangTest
public class SearchStoryTests {

    private static final String NAME_CHARS = "锦瑞祥泰康宁丰华盛嘉澜悦璟琨珑翡逸澄";
    private static final Random RANDOM = new Random();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A made-up estate name no other test uses, so the results are this test's alone. */
    public static String uniqueName() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return sb.append("苑").toString();
    }

    static String idCard() {
        String body = "110105198" + (RANDOM.nextInt(9) + 1) + String.format("%02d%02d", 1 + RANDOM.nextInt(12),
                1 + RANDOM.nextInt(28)) + String.format("%03d", RANDOM.nextInt(1000));
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    public static Map<String, Object> petition(String type, String regionCode, String title, String content) {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "王小明");
        person.put("idCardNumber", idCard());
        person.put("phone", "13812345678");
        person.put("address", "示范市东湖区翠湖路88号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "LETTER");
        body.put("petitioner", person);
        body.put("type", type);
        body.put("regionCode", regionCode);
        body.put("title", title);
        body.put("content", content);
        return body;
    }

    String register(Map<String, Object> body) {
        Api.Response r = new Api(port).as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    JsonNode search(String user, String query) {
        Api.Response r = new Api(port).as(user).get("/api/v1/search?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> numbers(JsonNode results) {
        List<String> numbers = new ArrayList<>();
        results.get("items").forEach(i -> numbers.add(i.get("number").asString()));
        return numbers;
    }

    /** The index follows the petition events after commit; wait (briefly) until it has caught up. */
    static JsonNode eventually(Supplier<JsonNode> search, java.util.function.Predicate<JsonNode> done) {
        long until = System.currentTimeMillis() + 15_000;
        JsonNode last = search.get();
        while (!done.test(last) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = search.get();
        }
        return last;
    }

    @Test
    void two_chinese_words_find_the_petition_with_the_words_marked() {
        String estate = uniqueName();
        String number = register(petition("APPEAL", "990102001", estate + "小区电梯长期停运",
                estate + "小区3号楼电梯已停运两个月，老人上下楼困难，物业以维修资金不足为由拖延，请求督促维修。"));
        register(petition("APPEAL", "990102001", estate + "小区绿化被毁", estate + "小区绿地被改成停车位。"));

        JsonNode found = eventually(() -> search("clerk", q(estate + " 电梯")), r -> r.get("total").asLong() >= 1);

        assertThat(numbers(found)).containsExactly(number);
        JsonNode hit = found.get("items").get(0);
        assertThat(hit.get("title").asString()).contains("<mark>电梯</mark>");
        assertThat(hit.get("snippet").asString()).contains("<mark>");
        assertThat(hit.get("statusLabel").asString()).isEqualTo("已登记");
        assertThat(found.get("words").toString()).contains("电梯");
    }

    @Test
    void a_handler_finds_only_the_petitions_of_their_own_unit() {
        String estate = uniqueName();
        String donghu = register(petition("APPEAL", "990102001", estate + "物业乱收费", estate + "物业擅自上涨物业费。"));
        String xishan = register(petition("APPEAL", "990103001", estate + "物业不作为", estate + "物业对漏水不闻不问。"));
        Api clerk = new Api(port).as("clerk");
        clerk.post("/api/v1/petitions/" + donghu + "/route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        clerk.post("/api/v1/petitions/" + xishan + "/route", Map.of("mode", "FORWARD", "unitId", unitId("990103-ZJJ")));

        JsonNode byClerk = eventually(() -> search("clerk", q(estate + " 物业")), r -> r.get("total").asLong() >= 2);
        assertThat(numbers(byClerk)).containsExactlyInAnyOrder(donghu, xishan);
        assertThat(numbers(search("handler", q(estate + " 物业")))).containsExactly(donghu);
        assertThat(numbers(search("handler2", q(estate + " 物业")))).containsExactly(xishan);
    }

    @Test
    void a_confidential_accusation_is_found_only_by_the_units_that_hold_it() {
        String estate = uniqueName();
        String number = register(petition("ACCUSATION", "990102001", "举报" + estate + "项目负责人收受贿赂",
                "东湖区住建局某科长在" + estate + "项目验收中收受开发商贿赂，违规通过验收。"));
        new Api(port).as("clerk").post("/api/v1/petitions/" + number + "/route",
                Map.of("mode", "TO_DISCIPLINE", "unitId", unitId("990102-JW")));

        // the receiving bureau and the 纪委监委 it went to
        JsonNode byClerk = eventually(() -> search("clerk", q(estate + " 贿赂")), r -> r.get("total").asLong() >= 1);
        assertThat(numbers(byClerk)).containsExactly(number);
        assertThat(numbers(search("donghujw", q(estate + " 贿赂")))).containsExactly(number);
        // not the accused unit, nor a leader whose wide scope would otherwise reach it
        assertThat(numbers(search("handler", q(estate + " 贿赂")))).isEmpty();
        assertThat(numbers(search("approver", q(estate)))).isEmpty();
        assertThat(numbers(search("leader", q(estate + " 贿赂")))).isEmpty();
        assertThat(numbers(search("handler2", q(estate)))).isEmpty();
    }

    @Test
    void the_reply_is_searchable_too() {
        String estate = uniqueName();
        String number = register(petition("APPEAL", "990102001", estate + "路灯不亮", estate + "门前道路路灯坏了半年。"));
        Api clerk = new Api(port).as("clerk");
        clerk.post("/api/v1/petitions/" + number + "/route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        new Api(port).as("handler").post("/api/v1/petitions/" + number + "/accept", Map.of());
        new Api(port).as("handler").post("/api/v1/petitions/" + number + "/reply", Map.of("outcome", "SUPPORTED",
                "text", "经核查，已安排市政照明维修班组更换" + estate + "门前全部灯具。如不服，可在收到本意见之日起30日内申请复查。"));
        Api.Response approved = new Api(port).as("approver").post("/api/v1/petitions/" + number + "/approve",
                Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode found = eventually(() -> search("handler", q(estate + " 灯具")), r -> r.get("total").asLong() >= 1);
        assertThat(numbers(found)).containsExactly(number);
        assertThat(found.get("items").get(0).get("snippetFrom").asString()).isEqualTo("reply");
    }

    @Test
    void filters_narrow_the_results() {
        String estate = uniqueName();
        String donghu = register(petition("APPEAL", "990102001", estate + "噪音扰民", estate + "夜间施工噪音扰民。"));
        String xishan = register(petition("APPEAL", "990103001", estate + "噪音扰民", estate + "夜间施工噪音扰民。"));
        eventually(() -> search("clerk", q(estate + " 噪音")), r -> r.get("total").asLong() >= 2);

        assertThat(numbers(search("clerk", q(estate + " 噪音") + "&regionCode=990103"))).containsExactly(xishan);
        assertThat(numbers(search("clerk", q(estate + " 噪音") + "&status=REGISTERED")))
                .containsExactlyInAnyOrder(donghu, xishan);
        assertThat(numbers(search("clerk", q(estate + " 噪音") + "&status=CLOSED"))).isEmpty();
    }

    @Test
    void a_search_without_words_or_with_a_bad_filter_is_refused_in_chinese() {
        Api.Response empty = new Api(port).as("clerk").get("/api/v1/search?q=");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fieldErrors()).containsEntry("q", "此项为必填项。");

        Api.Response badRegion = new Api(port).as("clerk").get("/api/v1/search?" + q("物业") + "&regionCode=99x");
        assertThat(badRegion.status()).isEqualTo(400);
        assertThat(badRegion.fieldErrors()).containsKey("regionCode");

        Api.Response badDates = new Api(port).as("clerk").get("/api/v1/search?" + q("物业") + "&from=2026-05-01&to=2026-04-01");
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.fieldErrors()).containsEntry("to", "结束日期不能早于开始日期。");

        assertThat(new Api(port).get("/api/v1/search?" + q("物业")).status()).isEqualTo(401);
        assertThat(new Api(port).as("admin").get("/api/v1/search?" + q("物业")).status()).isEqualTo(403);
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }
}
