package org.xinfang.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.campaign.CampaignCases.has;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * 矛盾纠纷排查化解: a district unit registers a dispute found in screening, the parties' data sealed and
 * masked for those who need not read it, visible to its own district and the city but not to another
 * district; when a party petitions, the dispute becomes a petition through intake and both are linked.
 */
@XinfangTest
class DisputeStoryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CampaignCases cases;

    @BeforeEach
    void setUp() {
        cases = new CampaignCases(port, jdbc);
    }

    private Map<String, Object> dispute(String idCard, long ownerUnitId) {
        Map<String, Object> d = new HashMap<>();
        d.put("screening", "CONCENTRATED");
        d.put("foundOn", LocalDate.now().minusDays(2).toString());
        d.put("foundBy", "湖滨街道综治中心 周网格员");
        d.put("regionCode", "990102002");
        d.put("place", "滨江社区12栋");
        d.put("category", "城乡建设");
        d.put("description", "12栋业主与开发商就地下室渗水维修费用分担发生争执，30余户联名，情绪激动，扬言集体上访。");
        d.put("risk", "HIGH");
        d.put("ownerUnitId", ownerUnitId);
        d.put("ownerPerson", "刘洋");
        d.put("parties", List.of(Map.of("name", "赵晓燕", "phone", "13600001234", "idCardNumber", idCard),
                Map.of("name", "滨江置业有限公司")));
        return d;
    }

    @Test
    void a_district_registers_a_dispute_that_another_district_cannot_see() {
        String idCard = IdCards.next();
        Api.Response created = cases.as("handler").post("/api/v1/disputes", dispute(idCard, cases.unitId("990102-ZJJ")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.json().get("number").asString();
        assertThat(number).matches("MD\\d{4}-\\d{5}");

        // the recording unit reads the parties in full: it handles them
        JsonNode own = cases.as("handler").get("/api/v1/disputes/" + number).json();
        assertThat(own.get("parties").get(0).get("name").asString()).isEqualTo("赵晓燕");
        assertThat(own.get("parties").get(0).get("idCardNumber").asString()).isEqualTo(idCard);
        assertThat(has(cases.as("handler").get("/api/v1/disputes").json(), "number", number)).isTrue();

        // the city supervisor sees it, masked
        JsonNode city = cases.as("supervisor").get("/api/v1/disputes/" + number).json();
        assertThat(city.get("partiesMasked").asBoolean()).isTrue();
        assertThat(city.get("parties").get(0).get("name").asString()).isEqualTo("赵**");
        assertThat(city.get("parties").get(0).get("phone").asString()).isEqualTo("136****1234");

        // 西山区 does not
        assertThat(has(cases.as("handler2").get("/api/v1/disputes").json(), "number", number)).isFalse();
        assertThat(cases.as("handler2").get("/api/v1/disputes/" + number).status()).isEqualTo(404);
        // nor can it hand a dispute to a unit outside its scope
        Api.Response foreign = cases.as("handler2").post("/api/v1/disputes", dispute(IdCards.next(),
                cases.unitId("990102-ZJJ")));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.fieldErrors()).containsKey("ownerUnitId");

        // nothing of the parties is stored in plaintext
        byte[] sealed = jdbc.sql("SELECT p.name_enc FROM campaign.dispute_party p JOIN campaign.dispute d ON d.id = p.dispute_id "
                + "WHERE d.number = ? AND p.position = 0").param(number).query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String("赵晓燕".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_saved() {
        int before = jdbc.sql("SELECT count(*) FROM campaign.dispute").query(Integer.class).single();
        Map<String, Object> bad = dispute("110101199003077771", cases.unitId("990102-ZJJ"));
        bad.put("screening", "SOMETIMES");
        bad.put("regionCode", "123");
        bad.put("risk", null);
        bad.put("foundOn", LocalDate.now().plusDays(5).toString());
        bad.put("parties", List.of(Map.of("name", "钱", "phone", "12345")));
        Api.Response r = cases.as("handler").post("/api/v1/disputes", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKeys("screening", "regionCode", "risk", "foundOn", "parties[0].phone");
        assertThat(r.fieldErrors().get("foundOn")).contains("不能晚于今天");
        assertThat(jdbc.sql("SELECT count(*) FROM campaign.dispute").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void a_dispute_that_becomes_a_petition_is_registered_through_intake_and_linked() {
        String idCard = IdCards.next();
        String number = cases.as("handler").post("/api/v1/disputes", dispute(idCard, cases.unitId("990102-ZJJ")))
                .json().get("number").asString();
        Map<String, Object> conversion = Map.of("channel", "VISIT", "type", "APPEAL", "partyIndex", 0,
                "title", "滨江社区12栋地下室渗水维修费用纠纷");

        // registration is a clerk's step
        assertThat(cases.as("handler").post("/api/v1/disputes/" + number + "/conversion", conversion).status())
                .isEqualTo(403);

        Api.Response converted = cases.as("clerk").post("/api/v1/disputes/" + number + "/conversion", conversion);
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        String petition = converted.json().get("petitionNumber").asString();

        JsonNode p = cases.as("clerk").get("/api/v1/petitions/" + petition).json();
        assertThat(p.get("channel").asString()).isEqualTo("VISIT");
        assertThat(p.get("content").asString()).contains(number).contains("地下室渗水");
        assertThat(p.get("petitioner").get("idCardNumber").asString()).isEqualTo(idCard);
        assertThat(p.get("regionCode").asString()).isEqualTo("990102002");

        JsonNode d = cases.as("handler").get("/api/v1/disputes/" + number).json();
        assertThat(d.get("status").asString()).isEqualTo("CONVERTED");
        assertThat(d.get("petitionNumber").asString()).isEqualTo(petition);

        Api.Response again = cases.as("clerk").post("/api/v1/disputes/" + number + "/conversion", conversion);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(petition);
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition WHERE content LIKE ?").param("%" + number + "%")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
