package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.XinfangTest;

/**
 * The embedded PostgreSQL holds the bureau's petitions, not throw-away test data: the library that starts it
 * turns fsync off and commits asynchronously by default, and a petitioner told "received, number X" after such
 * a commit could lose X to a power cut. The application overrides both.
 */
@XinfangTest
class EmbeddedDurabilityTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_commit_is_on_disk_before_it_is_acknowledged() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
