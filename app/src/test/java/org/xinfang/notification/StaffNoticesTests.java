package org.xinfang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.organization.Role;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * Staff notices: a notice to a person reaches only that person; a notice to a unit and role reaches the
 * unit's staff with that role and nobody else; each reader marks it read for themselves.
 */
@XinfangTest
class StaffNoticesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffNotices notices;

    @Test
    void a_notice_to_the_handlers_of_a_unit_reaches_its_handler_only_and_is_read_per_person() {
        String title = "新督办单 " + UUID.randomUUID();
        long id = notices.notifyUnit(unitId("990102-ZJJ"), Role.HANDLER, title, "/supervision/orders/1");

        JsonNode handler = new Api(port).as("handler").get("/api/v1/notices").json();
        assertThat(titles(handler)).contains(title);
        assertThat(handler.get("unread").asLong()).isPositive();
        // the unit's head is not a handler, the other district's handler is not of the unit
        assertThat(titles(new Api(port).as("approver").get("/api/v1/notices").json())).doesNotContain(title);
        assertThat(titles(new Api(port).as("handler2").get("/api/v1/notices").json())).doesNotContain(title);
        // and nobody else can mark it read (nor learn where it points)
        assertThat(new Api(port).as("handler2").post("/api/v1/notices/" + id + "/read", "{}").status()).isEqualTo(404);

        long before = handler.get("unread").asLong();
        Api.Response read = new Api(port).as("handler").post("/api/v1/notices/" + id + "/read", "{}");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("link").asString()).isEqualTo("/supervision/orders/1");
        JsonNode after = new Api(port).as("handler").get("/api/v1/notices").json();
        assertThat(after.get("unread").asLong()).isEqualTo(before - 1);
        assertThat(find(after, title).get("read").asBoolean()).isTrue();
    }

    @Test
    void a_notice_to_a_person_reaches_that_person_only() {
        String title = "领导批示待落实 " + UUID.randomUUID();
        notices.notifyUser(userId("leader"), title, "/leader");
        assertThat(titles(new Api(port).as("leader").get("/api/v1/notices").json())).contains(title);
        assertThat(titles(new Api(port).as("supervisor").get("/api/v1/notices").json())).doesNotContain(title);
    }

    @Test
    void a_notice_links_only_within_the_workbench_and_needs_a_title() {
        assertThatThrownBy(() -> notices.notifyUser(userId("leader"), "看这里", "https://example.com/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.notifyUser(userId("leader"), "看这里", "//example.com/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.notifyUser(userId("leader"), "  ", "/leader"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(code).query(Long.class).single();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM organization.staff_user WHERE username = ?").param(username).query(Long.class)
                .single();
    }

    private static java.util.List<String> titles(JsonNode list) {
        java.util.List<String> titles = new java.util.ArrayList<>();
        list.get("items").forEach(n -> titles.add(n.get("title").asString()));
        return titles;
    }

    private static JsonNode find(JsonNode list, String title) {
        for (JsonNode n : list.get("items")) {
            if (n.get("title").asString().equals(title)) {
                return n;
            }
        }
        throw new AssertionError("no notice " + title);
    }
}
