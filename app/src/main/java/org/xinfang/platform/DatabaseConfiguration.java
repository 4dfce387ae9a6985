package org.xinfang.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One DataSource for the whole application. With {@code xinfang.db.url} set it points at that external
 * PostgreSQL; otherwise Xinfang starts its own PostgreSQL 17 (zonky embedded binaries) on a persistent
 * data directory, so a second start finds everything the first one stored.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "xinfang.embedded-mode", havingValue = "true")
    EmbeddedPostgres embeddedPostgres(@Value("${xinfang.embedded.data-dir}") String dataDir,
            @Value("${xinfang.embedded.port}") int port,
            @Value("${xinfang.embedded.shared-buffers}") String sharedBuffers) throws IOException {
        return startEmbedded(Path.of(dataDir), port, sharedBuffers);
    }

    /** Starts (or, after a hard kill, takes over) the embedded PostgreSQL of a data folder. */
    static EmbeddedPostgres startEmbedded(Path dataDir, int port) throws IOException {
        return startEmbedded(dataDir, port, "256MB");
    }

    /**
     * Like {@link #startEmbedded(Path, int)} with the size of PostgreSQL's own page cache: 256MB by default; an
     * installation holding millions of petitions gives it a quarter of the machine's memory.
     */
    static EmbeddedPostgres startEmbedded(Path dataDir, int port, String sharedBuffers) throws IOException {
        Path pgDir = dataDir.resolve("pg").toAbsolutePath();
        Files.createDirectories(pgDir);
        stopOrphanedPostmaster(pgDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                // Spring closes it after the last bean that uses the database; a JVM hook of its own
                // would stop PostgreSQL while the application is still shutting down
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(90))
                // pg_trgm only treats Chinese characters as word characters under a UTF-8 locale
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", sharedBuffers)
                // zonky's defaults are made for throw-away test databases: fsync off (-F) and asynchronous
                // commit. This one holds the bureau's petitions: a commit must be on disk before a petitioner
                // is told "received, number X", and an operating-system crash must not corrupt the database.
                // These come after -F on the command line, so they win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL 17 running on port {} with data in {}", pg.getPort(), pgDir);
        return pg;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(Optional<EmbeddedPostgres> embedded,
            @Value("${xinfang.db.url}") String url,
            @Value("${xinfang.db.user}") String user,
            @Value("${xinfang.db.password}") String password,
            @Value("${xinfang.db.pool-size}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("xinfang");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(10_000);
        if (embedded.isPresent()) {
            config.setJdbcUrl(embedded.get().getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        // Start even when PostgreSQL is briefly away; Hikari reconnects by itself afterwards.
        config.setInitializationFailTimeout(60_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "xinfang");
        return new HikariDataSource(config);
    }

    /**
     * After a hard kill of the JVM the postmaster keeps running and still holds the data directory;
     * stop it so this start can take over instead of failing on a stale lock.
     */
    private static void stopOrphanedPostmaster(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
                log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
                process.destroy();
                process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not inspect {}: {}", pidFile, e.toString());
        }
    }
}
