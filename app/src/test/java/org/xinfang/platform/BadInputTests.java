package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

/** Bad input gets 400 with field-by-field messages, in Chinese by default, and never a 500. */
@XinfangTest
class BadInputTests {

    @LocalServerPort
    int port;

    @Test
    void malformed_json_is_400_not_500() {
        Api.Response r = new Api(port).postRaw("/api/v1/auth/token", "{\"username\": \"clerk\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("有误");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("请求内容不是有效的 JSON。");
    }

    @Test
    void a_wrong_type_names_the_field() {
        Api.Response r = new Api(port).postRaw("/api/v1/auth/token", "{\"username\": {\"a\": 1}, \"password\": \"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKey("username");
    }

    @Test
    void missing_and_over_long_fields_are_each_named() {
        Api.Response r = new Api(port).post("/api/v1/auth/token", Map.of("username", "x".repeat(65)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsOnlyKeys("username", "password");
        assertThat(r.fieldErrors().get("password")).isEqualTo("此项为必填项。");
        assertThat(r.fieldErrors().get("username")).isEqualTo("长度应在 0 到 64 之间。");
    }

    @Test
    void english_messages_on_request() {
        Api.Response r = new Api(port).header("Accept-Language", "en").post("/api/v1/auth/token", Map.of("username", "a"));
        assertThat(r.fieldErrors().get("password")).isEqualTo("This field is required.");
    }

    @Test
    void wrong_method_media_type_and_unknown_paths_are_4xx() {
        Api clerk = new Api(port).as("clerk");
        assertThat(clerk.get("/api/v1/auth/token").status()).isEqualTo(405);
        assertThat(clerk.get("/api/v1/no-such-thing").status()).isEqualTo(404);
        assertThat(clerk.get("/api/v1/audit/entries?objectType=petition&objectId=x&limit=abc").status()).isIn(400, 403);
    }

    @Test
    void a_bad_query_parameter_is_a_field_error() {
        Api.Response r = new Api(port).as("admin").get("/api/v1/audit/entries?objectType=petition&objectId=x&limit=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsKey("limit");
        Api.Response tooMany = new Api(port).as("admin").get("/api/v1/audit/entries?objectType=petition&objectId=x&limit=5000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.fieldErrors()).containsKey("limit");
    }
}
