package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Api;
import org.xinfang.support.XinfangTest;

/** The pages' style sheets, scripts, images and WebJars come from their folders; nothing else is a file. */
@XinfangTest
class StaticResourcesTests {

    @LocalServerPort
    int port;

    @Test
    void every_folder_the_pages_link_is_served_with_its_type() {
        Api api = new Api(port);
        assertThat(api.get("/css/xinfang.css")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/css");
        });
        assertThat(api.get("/js/xinfang.js").contentType()).startsWith("text/javascript");
        assertThat(api.get("/img/favicon.svg").contentType()).startsWith("image/svg+xml");
        // the version-free WebJars paths the templates use
        assertThat(api.get("/webjars/echarts/echarts.min.js")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("echarts");
        });
        assertThat(api.get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
    }

    @Test
    void the_login_page_links_its_style_sheet_where_it_is_served() {
        Api api = new Api(port);
        String login = api.get("/login").body();
        assertThat(login).contains("/css/xinfang.css");
        assertThat(api.get("/css/missing.css").status()).isEqualTo(404);
        // the classpath outside the static folders is not reachable through them
        assertThat(api.get("/css/../application.yml").status()).isNotEqualTo(200);
        assertThat(api.get("/application.yml").status()).isNotEqualTo(200);
    }
}
