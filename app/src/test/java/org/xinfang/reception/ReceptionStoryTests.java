package org.xinfang.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RuleViolationException;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * 领导接访日: the bureau publishes a leader's reception day, citizens book places online and clerks book for
 * callers until the capacity is reached, and on the day the clerk records each reception, linking it to a
 * new 来访 petition or an existing one; leaders' 带案下访 are recorded with the cases they took along.
 */
@XinfangTest
class ReceptionStoryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Receptions receptions;

    Api as(String user) {
        return new Api(port).as(user);
    }

    long publish(int capacity) {
        Api.Response r = as("clerk").post("/api/v1/reception/slots", Map.of("leaderName", "陈志远", "leaderPost", "副市长",
                "heldOn", LocalDate.now().plusDays(7).toString(), "startsAt", "09:00", "endsAt", "11:30",
                "place", "市信访局一楼接待大厅", "topics", "城乡建设、征地拆迁", "capacity", capacity));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void bookings_stop_at_the_capacity_and_each_phone_books_once() {
        long slot = publish(2);
        ReceptionViews.Booked first = receptions.bookOnline(slot, new ReceptionViews.Booking("林秀英", "13912340001",
                "小区违建长期未拆除"));
        assertThat(first.number()).matches("JF\\d{8}-\\d{4}");
        assertThat(first.slot().remaining()).isEqualTo(1);
        assertThatThrownBy(() -> receptions.bookOnline(slot, new ReceptionViews.Booking("林秀英", "13912340001", "再约一次")))
                .isInstanceOf(RuleViolationException.class);
        Api.Response byClerk = as("clerk").post("/api/v1/reception/slots/" + slot + "/appointments",
                Map.of("name", "郑大伟", "phone", "13812340002", "topic", "拆迁补偿款未到位（来电代约）"));
        assertThat(byClerk.status()).as(byClerk.body()).isEqualTo(201);

        // the day is full: the portal stops listing it as bookable, and a third booking is refused
        assertThat(receptions.upcoming()).filteredOn(s -> s.id() == slot).singleElement()
                .satisfies(s -> assertThat(s.full()).isTrue());
        assertThatThrownBy(() -> receptions.bookOnline(slot, new ReceptionViews.Booking("王五", "13712340003", "反映问题")))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "reception.full");
        Api.Response full = as("clerk").post("/api/v1/reception/slots/" + slot + "/appointments",
                Map.of("name", "王五", "phone", "13712340003", "topic", "反映问题"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("detail").asString()).contains("约满");
        assertThat(jdbc.sql("SELECT count(*) FROM reception.appointment WHERE slot_id = ?").param(slot)
                .query(Integer.class).single()).isEqualTo(2);
        // the bureau's clerks are told of each booking, without the citizen's name
        assertThat(jdbc.sql("SELECT title FROM notification.staff_notice WHERE role = 'CLERK' AND link = ?")
                .param("/reception/slots/" + slot).query(String.class).list())
                .hasSize(2).allSatisfy(t -> assertThat(t).startsWith("新的接访预约 JF").doesNotContain("林秀英", "郑大伟"));

        // bad input is told field by field
        assertThatThrownBy(() -> receptions.bookOnline(slot, new ReceptionViews.Booking(" ", "12345", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("name", "phone", "topic"));
    }

    @Test
    void the_clerk_records_a_reception_as_a_new_visit_petition_linked_to_the_appointment() {
        long slot = publish(5);
        ReceptionViews.Booked booked = receptions.bookOnline(slot, new ReceptionViews.Booking("黄建军", "13512345678",
                "安置房质量问题"));
        String idCard = IdCards.next();
        Map<String, Object> record = new HashMap<>();
        record.put("appointmentNumber", booked.number());
        record.put("visitorName", "黄建军");
        record.put("visitorIdCardNumber", idCard);
        record.put("visitorPhone", "13512345678");
        record.put("request", "安置房交付两年，外墙渗水、地面开裂，开发商不予维修。");
        record.put("decision", "责成区住建局7日内组织质量鉴定，15日内拿出维修方案并答复。");
        record.put("regionCode", "990102001");
        record.put("type", "APPEAL");
        record.put("category", "城乡建设");
        Api clerk = as("clerk").header("Idempotency-Key", "rec-" + booked.number());
        Api.Response r = clerk.post("/api/v1/reception/slots/" + slot + "/records", record);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String petition = r.json().get("petitionNumber").asString();
        // a retry of the same record changes nothing
        assertThat(clerk.post("/api/v1/reception/slots/" + slot + "/records", record).json().get("petitionNumber")
                .asString()).isEqualTo(petition);

        JsonNode p = as("clerk").get("/api/v1/petitions/" + petition).json();
        assertThat(p.get("channel").asString()).isEqualTo("VISIT");
        assertThat(p.get("content").asString()).contains("副市长陈志远").contains("责成区住建局");
        assertThat(p.get("petitioner").get("idCardNumber").asString()).isEqualTo(idCard);

        JsonNode day = as("clerk").get("/api/v1/reception/slots/" + slot).json();
        assertThat(day.get("appointments").get(0).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(day.get("records")).hasSize(1);
        assertThat(day.get("records").get(0).get("petitionNumber").asString()).isEqualTo(petition);
        assertThat(day.get("records").get(0).get("newPetition").asBoolean()).isTrue();
        // the leader reads the day masked
        JsonNode masked = as("leader").get("/api/v1/reception/slots/" + slot).json();
        assertThat(masked.get("appointments").get(0).get("name").asString()).isEqualTo("黄**");

        // a second visitor about a matter already registered is linked to it, not registered again
        Map<String, Object> followUp = new HashMap<>();
        followUp.put("visitorName", "黄建军");
        followUp.put("request", "询问维修方案进展");
        followUp.put("decision", "请区住建局按期答复");
        followUp.put("existingPetitionNumber", petition);
        Api.Response linked = as("clerk").post("/api/v1/reception/slots/" + slot + "/records", followUp);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("petitionNumber").asString()).isEqualTo(petition);
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition WHERE content LIKE '%责成区住建局7日内%'")
                .query(Integer.class).single()).isEqualTo(1);

        // an unknown petition or a missing decision is refused field by field
        followUp.put("existingPetitionNumber", "990100-20990101-999999");
        followUp.put("decision", "");
        Api.Response bad = as("clerk").post("/api/v1/reception/slots/" + slot + "/records", followUp);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors()).containsKeys("existingPetitionNumber", "decision");
    }

    @Test
    void a_field_visit_with_cases_is_recorded_and_reception_is_the_bureaus_business() {
        Map<String, Object> person = Map.of("name", "韩梅", "idCardNumber", IdCards.next(), "phone", "13800002222");
        Map<String, Object> letter = new HashMap<>();
        letter.put("channel", "LETTER");
        letter.put("petitioner", person);
        letter.put("type", "APPEAL");
        letter.put("regionCode", "990102101");
        letter.put("title", "柳桥村土地流转费拖欠");
        letter.put("content", "村集体拖欠土地流转费三年。");
        String number = as("clerk").post("/api/v1/petitions", letter).json().get("number").asString();

        Map<String, Object> visit = new HashMap<>();
        visit.put("leaderName", "陈志远");
        visit.put("leaderPost", "副市长");
        visit.put("visitedOn", LocalDate.now().toString());
        visit.put("regionCode", "990102101");
        visit.put("place", "柳桥镇政府会议室");
        visit.put("petitionNumbers", List.of(number, "990100-20990101-000404"));
        visit.put("outcome", "现场协调，镇政府承诺年底前付清。");
        Api.Response bad = as("leader").post("/api/v1/reception/visits", visit);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors().get("petitionNumbers")).contains("990100-20990101-000404").doesNotContain(number);

        visit.put("petitionNumbers", List.of(number));
        assertThat(as("leader").post("/api/v1/reception/visits", visit).status()).isEqualTo(201);
        JsonNode visits = as("leader").get("/api/v1/reception/visits").json();
        assertThat(visits.get(0).get("petitionNumbers").get(0).asString()).isEqualTo(number);
        assertThat(visits.get(0).get("territory").asString()).isEqualTo("柳桥镇");

        // a district handler neither manages nor reads the bureau's reception days
        long slot = publish(3);
        assertThat(as("handler").get("/api/v1/reception/slots/" + slot).status()).isEqualTo(403);
        assertThat(as("handler2").post("/api/v1/reception/slots", Map.of()).status()).isEqualTo(403);
    }
}
