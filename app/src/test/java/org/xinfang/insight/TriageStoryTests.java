package org.xinfang.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.search.SearchStoryTests;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * The platform reads a petition first: it suggests the category and the responsible unit with the
 * reason, lists earlier similar petitions with the same petitioner's first and flags a likely 重复信访,
 * and shows leaders where petitions gather (热点).
 */
@XinfangTest
class TriageStoryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String register(Map<String, Object> body) {
        Api.Response r = new Api(port).as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    JsonNode suggestions(String user, String number) {
        Api.Response r = new Api(port).as(user).get("/api/v1/petitions/" + number + "/suggestions");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void a_property_complaint_in_a_township_goes_to_the_district_housing_bureau_with_the_reason() {
        String estate = SearchStoryTests.uniqueName();
        String number = register(SearchStoryTests.petition("APPEAL", "990102", estate + "物业擅自上涨物业费",
                "我住在东湖区柳桥镇石坝村附近的" + estate + "小区，物业公司未经业主大会同意擅自将物业费上涨一倍，"
                        + "业主多次协商无果，请求住建部门依法查处。"));

        JsonNode s = suggestions("clerk", number);

        assertThat(s.get("category").get("category").asString()).isEqualTo("城乡建设");
        assertThat(s.get("category").get("words").size()).isPositive();
        JsonNode unit = s.get("unit");
        assertThat(unit.get("unitCode").asString()).isEqualTo("990102-ZJJ");
        assertThat(unit.get("place").asString()).isEqualTo("石坝村");
        assertThat(unit.get("placeFrom").asString()).isEqualTo("TEXT");
        assertThat(unit.get("reason").asString()).contains("东湖区柳桥镇石坝村").contains("属地管理")
                .contains("东湖区住房和城乡建设局");
    }

    @Test
    void an_accusation_is_suggested_to_the_discipline_organ() {
        String number = register(SearchStoryTests.petition("ACCUSATION", "990103001", "举报西山区某局干部收受红包",
                "西山区某局干部在审批中多次收受企业红包，请求查处。"));

        JsonNode unit = suggestions("clerk", number).get("unit");

        assertThat(unit.get("unitCode").asString()).isEqualTo("990103-JW");
        assertThat(unit.get("reason").asString()).contains("纪检监察");
    }

    @Test
    void the_same_petitioners_earlier_petition_comes_first_and_is_flagged_as_a_repeat_candidate() {
        String estate = SearchStoryTests.uniqueName();
        Map<String, Object> first = SearchStoryTests.petition("APPEAL", "990102001", estate + "小区地下车库长期漏水",
                estate + "小区地下车库顶板长期漏水，车辆被泡，开发商和物业互相推诿，请求住建部门督促维修。");
        String earlier = register(first);
        // someone else, same estate, another problem
        String neighbour = register(SearchStoryTests.petition("APPEAL", "990102001", estate + "小区地下车库照明不足",
                estate + "小区地下车库照明灯坏了很多，晚上很暗，请物业维修。"));
        // the first petitioner again, nearly the same words
        Map<String, Object> again = new java.util.HashMap<>(first);
        again.put("title", "再次反映" + estate + "小区地下车库漏水");
        again.put("content", estate + "小区地下车库顶板漏水一直没有维修，车辆被泡，开发商和物业仍在推诿，请求督促维修。");
        String repeat = register(again);

        JsonNode s = eventuallySimilar(repeat, 2);

        List<String> order = new ArrayList<>();
        s.get("similar").forEach(x -> order.add(x.get("number").asString()));
        assertThat(order).startsWith(earlier).contains(neighbour);
        JsonNode top = s.get("similar").get(0);
        assertThat(top.get("samePetitioner").asBoolean()).isTrue();
        assertThat(top.get("repeatCandidate").asBoolean()).isTrue();
        assertThat(top.get("sharedWords").toString()).contains("漏水");
        assertThat(s.get("repeatCandidate").asBoolean()).isTrue();
        JsonNode other = s.get("similar").get(order.indexOf(neighbour));
        assertThat(other.get("samePetitioner").asBoolean()).isFalse();
        assertThat(other.get("repeatCandidate").asBoolean()).isFalse();
    }

    @Test
    void at_intake_a_clerk_sees_the_suggestions_before_saving() {
        Api.Response r = new Api(port).as("clerk").post("/api/v1/insight/suggestions", Map.of(
                "title", "西山区云岭街道化工厂排放废气", "content", "云岭社区旁的化工厂夜间排放刺鼻废气，居民无法开窗，请环保部门查处。",
                "regionCode", "990103", "type", "APPEAL"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("category").get("category").asString()).isEqualTo("环境保护");
        assertThat(r.json().get("unit").get("unitCode").asString()).isEqualTo("990103-HBJ");

        Api.Response bad = new Api(port).as("clerk").post("/api/v1/insight/suggestions", Map.of("title", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors()).containsKeys("title", "content");
        assertThat(new Api(port).as("handler").post("/api/v1/insight/suggestions", Map.of("title", "x", "content", "y"))
                .status()).isEqualTo(403);
    }

    @Test
    void a_petition_outside_the_users_scope_has_no_suggestions_for_them() {
        String number = register(SearchStoryTests.petition("APPEAL", "990102001", "东湖区翠湖社区垃圾清运不及时",
                "翠湖社区垃圾站几天才清运一次，臭气熏天。"));

        assertThat(new Api(port).as("handler2").get("/api/v1/petitions/" + number + "/suggestions").status())
                .isEqualTo(404);
    }

    @Test
    void leaders_see_where_petitions_about_one_place_gather() {
        String estate = SearchStoryTests.uniqueName();
        String[] complaints = { "夜间施工噪音扰民，凌晨两点还在打桩", "工地夜间施工噪声太大，孩子无法入睡",
                "工地晚上施工扰民，打桩声音巨大，投诉多次无人管" };
        List<String> numbers = new ArrayList<>();
        for (String c : complaints) {
            numbers.add(register(SearchStoryTests.petition("APPEAL", "990104001", estate + "工地夜间施工噪音扰民",
                    estate + "工地" + c + "，请求环保和住建部门查处。")));
        }
        LocalDate today = LocalDate.now(ChinaTime.ZONE);

        JsonNode hot = eventuallyHotspot(estate, today);

        assertThat(hot).as("a hotspot about " + estate).isNotNull();
        assertThat(hot.get("petitions").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(hot.get("petitioners").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(hot.get("heat").asDouble()).isPositive();
        assertThat(hot.get("title").asString()).contains(estate);
        List<String> inHotspot = new ArrayList<>();
        hot.get("numbers").forEach(n -> inHotspot.add(n.asString()));
        assertThat(inHotspot).containsAll(numbers);

        assertThat(new Api(port).as("handler").get("/api/v1/insight/hotspots?from=" + today + "&to=" + today).status())
                .isEqualTo(403);
        Api.Response tooLong = new Api(port).as("leader").get("/api/v1/insight/hotspots?from=2024-01-01&to=" + today);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.fieldErrors()).containsKey("to");
    }

    private JsonNode eventuallySimilar(String number, int atLeast) {
        long until = System.currentTimeMillis() + 15_000;
        JsonNode s = suggestions("clerk", number);
        while (s.get("similar").size() < atLeast && System.currentTimeMillis() < until) {
            pause();
            s = suggestions("clerk", number);
        }
        return s;
    }

    private JsonNode eventuallyHotspot(String estate, LocalDate today) {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            // the test clock may stand anywhere; take a wide window around it
            Api.Response r = new Api(port).as("leader")
                    .get("/api/v1/insight/hotspots?top=50&from=" + today.minusDays(300) + "&to=" + today.plusDays(60));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonNode h : r.json()) {
                if (h.get("title").asString().contains(estate) && h.get("petitions").asInt() >= 3) {
                    return h;
                }
            }
            if (System.currentTimeMillis() > until) {
                return null;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
