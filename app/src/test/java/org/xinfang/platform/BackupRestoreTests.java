package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;
import org.xinfang.audit.AuditVerification;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;
import org.xinfang.support.Api;
import org.xinfang.support.IdCards;
import org.xinfang.support.XinfangTest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A bureau's backup must bring everything back on another machine: the rows of every table, the key
 * that opens the encrypted personal data, and an audit chain that still verifies. The test backs up
 * the running platform, restores into a brand-new embedded PostgreSQL and a new data folder, starts a
 * second Xinfang on the restored database and reads the petition back through it.
 */
@XinfangTest
class BackupRestoreTests {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Value("${xinfang.crypto.key-file}")
    String keyFile;

    @Test
    void a_backup_restores_into_a_new_installation_with_its_petitions_key_and_audit_chain() throws Exception {
        String idCard = IdCards.next();
        String number = registerPetition(idCard);
        Path work = Files.createDirectories(Path.of("target", "test-data", "backup-" + System.nanoTime()));
        Path backup = work.resolve("backup");

        DatabaseBackup.Manifest manifest = DatabaseBackup.backup(dataSource, backup, Optional.of(Path.of(keyFile)));

        assertThat(manifest.tables()).extracting(t -> t.schema() + "." + t.table())
                .contains("petition.petition", "petition.timeline", "intake.attachment", "audit.entry", "people.petitioner",
                        "public.event_publication", "public.flyway_schema_history");
        assertThat(backup.resolve("keys/master.key")).hasSameBinaryContentAs(Path.of(keyFile));
        assertThat(rows(manifest, "petition.petition")).isGreaterThanOrEqualTo(1);

        Path restoredData = work.resolve("restored-data");
        try (EmbeddedPostgres fresh = DatabaseConfiguration.startEmbedded(restoredData, 0)) {
            Path restoredKey = restoredData.resolve("keys/master.key");
            DatabaseBackup.restore(fresh.getPostgresDatabase(), backup, Optional.of(restoredKey), false);

            JdbcClient restored = JdbcClient.create(fresh.getPostgresDatabase());
            for (DatabaseBackup.TableCopy t : manifest.tables()) {
                assertThat(restored.sql("SELECT count(*) FROM " + t.qualified()).query(Long.class).single())
                        .as(t.qualified()).isEqualTo(t.rows());
            }
            assertThat(restoredKey).hasSameBinaryContentAs(Path.of(keyFile));
            // a second restore over the petitions is refused unless asked for
            assertThatThrownBy(() -> DatabaseBackup.restore(fresh.getPostgresDatabase(), backup, Optional.empty(), false))
                    .hasMessageContaining("--replace");

            try (ConfigurableApplicationContext second = new SpringApplicationBuilder(XinfangApplication.class)
                    .profiles("test")
                    .run("--xinfang.db.url=" + fresh.getJdbcUrl("postgres", "postgres"), "--xinfang.db.user=postgres",
                            "--xinfang.crypto.key-file=" + restoredKey, "--server.port=0", "--xinfang.scheduler.enabled=false")) {
                AuditVerification.Result audit = second.getBean(AuditVerification.class).verify();
                assertThat(audit.valid()).as(audit.reason()).isTrue();
                assertThat(audit.checked()).isEqualTo(rows(manifest, "audit.entry"));

                UUID petitionerId = second.getBean(JdbcClient.class)
                        .sql("SELECT petitioner_id FROM petition.petition WHERE number = ?").param(number).query(UUID.class).single();
                PetitionerDetails person = second.getBean(Petitioners.class).find(petitionerId).orElseThrow();
                assertThat(person.idCardNumber()).isEqualTo(idCard);
                assertThat(person.name()).isEqualTo("备份测试人");

                int restoredPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
                Api.Response detail = new Api(restoredPort).as("clerk").get("/api/v1/petitions/" + number);
                assertThat(detail.status()).as(detail.body()).isEqualTo(200);
                assertThat(detail.json().get("timeline").size()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    private String registerPetition(String idCard) {
        Map<String, Object> person = Map.of("name", "备份测试人", "idCardNumber", idCard, "phone", "13812345678",
                "address", "示范市东湖区翠湖路88号");
        Api.Response r = new Api(port).as("clerk").post("/api/v1/petitions", Map.of("channel", "LETTER", "petitioner", person,
                "type", "APPEAL", "category", "城乡建设", "regionCode", "990102001", "title", "小区路灯损坏",
                "content", "小区路灯损坏三个月无人维修，请求尽快处理。"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    private static long rows(DatabaseBackup.Manifest manifest, String table) {
        return manifest.tables().stream().filter(t -> (t.schema() + "." + t.table()).equals(table))
                .mapToLong(DatabaseBackup.TableCopy::rows).sum();
    }
}
