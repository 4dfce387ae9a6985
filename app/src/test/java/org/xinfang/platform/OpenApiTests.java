package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

/** The OpenAPI document is generated from the code and the browsable UI is served without any download. */
@XinfangTest
class OpenApiTests {

    @LocalServerPort
    int port;

    @Test
    void the_api_document_lists_the_contract_endpoints() {
        Api.Response doc = new Api(port).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().get("paths");
        assertThat(paths.has("/api/v1/auth/token")).isTrue();
        assertThat(paths.has("/api/v1/petitions")).isTrue();
        assertThat(paths.has("/api/v1/petitions/{number}/route")).isTrue();
        assertThat(paths.has("/api/v1/public/petitions")).isTrue();
        assertThat(paths.has("/api/v1/public/petitions/{number}/review-requests")).isTrue();
    }

    @Test
    void the_swagger_ui_is_served() {
        Api.Response ui = new Api(port).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }
}
