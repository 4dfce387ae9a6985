package org.xinfang.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The backup and restore command line (see the README, "Backup and restore"):
 * <pre>
 * ./mvnw -q -pl app compile exec:java -Dexec.mainClass=org.xinfang.platform.BackupCommand -Dexec.args="backup --to backups/2026-11-22"
 * ./mvnw -q -pl app compile exec:java -Dexec.mainClass=org.xinfang.platform.BackupCommand -Dexec.args="restore --from backups/2026-11-22 --data-dir data-restored"
 * </pre>
 * The database is the one the application uses: {@code XINFANG_DB_URL} (and user, password) when set,
 * otherwise the embedded one of {@code --data-dir} ({@code XINFANG_DATA_DIR}, default {@code data}). A
 * running embedded database is backed up online through its port; a stopped one is started for the
 * command and stopped afterwards. The key file is {@code XINFANG_CRYPTO_KEY_FILE} or
 * {@code <data-dir>/keys/master.key}.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].contains(" ")) {
            args = args[0].trim().split("\\s+"); // exec:java hands over one string when quoted oddly
        }
        if (args.length == 0 || !List.of("backup", "restore").contains(args[0])) {
            out.println("""
                    usage: BackupCommand backup  --to DIR   [--url JDBC --user U --password P | --data-dir DIR] [--key-file FILE]
                           BackupCommand restore --from DIR [--url JDBC --user U --password P | --data-dir DIR] [--key-file FILE] [--replace]""");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                options.put(args[i].substring(2), flag ? "true" : args[++i]);
            }
        }
        String url = options.getOrDefault("url", env("XINFANG_DB_URL", ""));
        Path dataDir = Path.of(options.getOrDefault("data-dir", env("XINFANG_DATA_DIR", "data")));
        Path keyFile = Path.of(options.getOrDefault("key-file", env("XINFANG_CRYPTO_KEY_FILE", dataDir.resolve("keys/master.key").toString())));
        EmbeddedPostgres started = null;
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4); // Flyway takes two while it migrates an empty database
        config.setPoolName("xinfang-backup");
        if (!url.isBlank()) {
            config.setJdbcUrl(url);
            config.setUsername(options.getOrDefault("user", env("XINFANG_DB_USER", "")));
            config.setPassword(options.getOrDefault("password", env("XINFANG_DB_PASSWORD", "")));
        } else {
            Optional<Integer> runningPort = runningEmbeddedPort(dataDir);
            int port;
            if (runningPort.isPresent()) {
                port = runningPort.get();
                out.println("Xinfang's embedded PostgreSQL is running on port " + port + ": working online");
            } else {
                started = DatabaseConfiguration.startEmbedded(dataDir, 0);
                port = started.getPort();
            }
            config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
            config.setUsername("postgres");
        }
        long t0 = System.nanoTime();
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            if (args[0].equals("backup")) {
                Path target = Path.of(required(options, "to"));
                Optional<Path> key = Files.exists(keyFile) ? Optional.of(keyFile) : Optional.empty();
                DatabaseBackup.Manifest m = DatabaseBackup.backup(dataSource, target, key);
                report(out, "backup written to " + target, m, t0);
                if (key.isEmpty()) {
                    out.println("NOTE: no key file at " + keyFile + " (XINFANG_CRYPTO_MASTER_KEY?): keep the master key safe separately,"
                            + " the personal data of this backup cannot be read without it");
                }
            } else {
                Path source = Path.of(required(options, "from"));
                DatabaseBackup.Manifest m = DatabaseBackup.restore(dataSource, source, Optional.of(keyFile),
                        Boolean.parseBoolean(options.getOrDefault("replace", "false")));
                report(out, "restored from " + source + (m.keyFile() != null ? " (key file at " + keyFile + ")" : ""), m, t0);
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private static void report(PrintStream out, String what, DatabaseBackup.Manifest m, long t0) {
        long rows = m.tables().stream().mapToLong(DatabaseBackup.TableCopy::rows).sum();
        long petitions = m.tables().stream().filter(t -> t.schema().equals("petition") && t.table().equals("petition"))
                .mapToLong(DatabaseBackup.TableCopy::rows).sum();
        out.printf("%s: schema version %s, %d tables, %d rows (%d petitions), %d sequences, in %.1f s%n", what,
                m.schemaVersion(), m.tables().size(), rows, petitions, m.sequences().size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The port of the embedded PostgreSQL a running Xinfang holds on this data folder, if any. */
    private static Optional<Integer> runningEmbeddedPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = Long.parseLong(lines.get(0).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && lines.size() > 3) {
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        }
        return Optional.empty();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.equals("true")) {
            throw new IllegalArgumentException("--" + name + " DIR is required");
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
