package org.xinfang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/** Roles and organisation scope decide what each user may see and do. */
@XinfangTest
class ScopeTests {

    @LocalServerPort
    int port;

    @Test
    void the_city_bureau_sees_the_whole_city_a_district_handler_only_their_own_unit() {
        List<String> clerkSees = names(new Api(port).as("clerk").get("/api/v1/units").json());
        assertThat(clerkSees).contains("示范市", "东湖区", "西山区", "东湖区住房和城乡建设局", "翠湖社区").hasSizeGreaterThan(100);

        List<String> handlerSees = names(new Api(port).as("handler").get("/api/v1/units").json());
        assertThat(handlerSees).containsExactly("东湖区住房和城乡建设局");

        List<String> handler2Sees = names(new Api(port).as("handler2").get("/api/v1/units").json());
        assertThat(handler2Sees).containsExactly("西山区住房和城乡建设局").doesNotContain("东湖区住房和城乡建设局");
    }

    @Test
    void the_city_leader_sees_everything_below_the_city_government() {
        List<String> leaderSees = names(new Api(port).as("leader").get("/api/v1/units").json());
        assertThat(leaderSees).contains("示范市", "青禾县", "稻香村");
    }

    @Test
    void audit_endpoints_are_for_administrators_and_supervisors_only() {
        assertThat(new Api(port).as("handler").get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(new Api(port).as("clerk").get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(new Api(port).as("admin").get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(new Api(port).as("supervisor").get("/api/v1/audit/verify").status()).isEqualTo(200);
    }

    private static List<String> names(JsonNode units) {
        List<String> names = new ArrayList<>();
        units.forEach(u -> names.add(u.get("name").asString()));
        return names;
    }
}
