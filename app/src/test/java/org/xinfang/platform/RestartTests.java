package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;

/**
 * The embedded mode keeps its data: a second start on the same data directory finds everything the
 * first stored, seeds nothing twice and decrypts with the same generated key.
 */
class RestartTests {

    @Test
    void a_second_start_reuses_the_data_directory_and_seeds_nothing_twice() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "test-data", "restart-" + System.nanoTime()));
        long units;
        long users;
        String number;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            units = count(jdbc, "organization.unit");
            users = count(jdbc, "organization.staff_user");
            assertThat(units).isGreaterThan(100);
            jdbc.sql("INSERT INTO petition.number_counter (prefix, last) VALUES ('restart-marker', 42)").update();
            number = "restart-marker";
        }
        assertThat(dataDir.resolve("keys/master.key")).exists();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(count(jdbc, "organization.unit")).isEqualTo(units);
            assertThat(count(jdbc, "organization.staff_user")).isEqualTo(users);
            assertThat(jdbc.sql("SELECT last FROM petition.number_counter WHERE prefix = ?").param(number)
                    .query(Integer.class).single()).isEqualTo(42);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments outrank the test profile's random data directory
        return new SpringApplicationBuilder(XinfangApplication.class)
                .profiles("test")
                .run("--xinfang.embedded.data-dir=" + dataDir, "--server.port=0", "--xinfang.scheduler.enabled=false");
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
