package org.xinfang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

/** Signing in to the API: tokens, wrong passwords, lockout, and what an anonymous caller gets. */
@XinfangTest
class AuthenticationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_demo_user_gets_a_token_and_sees_who_they_are() {
        Api.Response token = new Api(port).post("/api/v1/auth/token", Map.of("username", "clerk", "password", "xinfang-demo"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token").asString()).hasSizeGreaterThan(30);
        assertThat(token.json().get("expiresAt").asString()).endsWith("+08:00");

        Api.Response me = new Api(port).withToken(token.json().get("token").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("clerk");
        assertThat(me.json().get("unitName").asString()).isEqualTo("示范市信访局");
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("CLERK");
    }

    @Test
    void every_demo_user_of_the_contract_can_sign_in() {
        for (String user : new String[] { "admin", "clerk", "supervisor", "leader", "handler", "approver", "handler2" }) {
            assertThat(new Api(port).as(user).get("/api/v1/me").json().get("username").asString()).isEqualTo(user);
        }
    }

    @Test
    void a_wrong_password_gets_401_with_a_chinese_message_or_english_on_request() {
        Api.Response zh = new Api(port).post("/api/v1/auth/token", Map.of("username", "leader", "password", "wrong"));
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.json().get("detail").asString()).isEqualTo("用户名或密码错误。");

        Api.Response en = new Api(port).header("Accept-Language", "en")
                .post("/api/v1/auth/token", Map.of("username", "leader", "password", "wrong"));
        assertThat(en.json().get("detail").asString()).isEqualTo("Wrong username or password.");
        resetLockout("leader");
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_one() {
        jdbc.sql("""
                INSERT INTO organization.staff_user (username, display_name, password_hash, unit_id, data_scope)
                SELECT 'lockme', '锁定测试', password_hash, unit_id, data_scope FROM organization.staff_user WHERE username = 'clerk'
                ON CONFLICT (username) DO NOTHING""").update();
        jdbc.sql("INSERT INTO organization.user_role (user_id, role) SELECT id, 'CLERK' FROM organization.staff_user "
                + "WHERE username = 'lockme' ON CONFLICT DO NOTHING").update();
        Api anonymous = new Api(port);
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", "lockme", "password", "nope" + i)).status())
                    .isEqualTo(401);
        }
        Api.Response right = anonymous.post("/api/v1/auth/token", Map.of("username", "lockme", "password", "xinfang-demo"));
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.json().get("detail").asString()).contains("锁定");

        resetLockout("lockme");
        assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", "lockme", "password", "xinfang-demo")).status())
                .isEqualTo(200);
    }

    @Test
    void no_token_or_a_bad_token_gets_401() {
        assertThat(new Api(port).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(new Api(port).withToken("not-a-real-token-but-long-enough-0123456789").get("/api/v1/me").status())
                .isEqualTo(401);
        assertThat(new Api(port).get("/api/v1/units").json().get("detail").asString()).contains("登录");
    }

    @Test
    void a_revoked_or_expired_token_no_longer_works() {
        Api clerk = new Api(port).as("clerk");
        assertThat(clerk.get("/api/v1/me").status()).isEqualTo(200);
        jdbc.sql("UPDATE organization.api_token SET expires_at = now() - interval '1 minute' "
                + "WHERE user_id = (SELECT id FROM organization.staff_user WHERE username = 'clerk')").update();
        assertThat(clerk.get("/api/v1/me").status()).isEqualTo(401);
    }

    private void resetLockout(String username) {
        jdbc.sql("UPDATE organization.staff_user SET failed_attempts = 0, locked_until = NULL WHERE username = ?")
                .param(username).update();
    }
}
