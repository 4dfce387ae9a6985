package org.xinfang.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * A consistent logical backup of the whole Xinfang database, and its restore.
 * <p>
 * Why not pg_dump: the embedded database is PostgreSQL 17 and the zonky bundle has no pg_dump, while
 * Debian 12's client packages stop at 15, which refuses to dump a newer server. This does what
 * pg_dump's data section does, through the JDBC driver every node already has: one
 * {@code REPEATABLE READ READ ONLY} transaction (one snapshot, so petitions, timelines, attachments —
 * which live in PostgreSQL, {@code intake.attachment} — and the audit chain agree with each other)
 * copies every table of every application schema with {@code COPY … TO STDOUT} into a gzip file, and
 * records the sequences, the Flyway schema version, row counts and SHA-256 checksums in
 * {@code manifest.json}. The schema itself is not dumped: a restore migrates an empty database with
 * the same Flyway migrations, then loads the rows, so a backup restores only into the same schema
 * version (checked).
 * <p>
 * The personal-data key file is copied beside the data ({@code keys/master.key}, readable by the
 * owner only): without it the encrypted personal data cannot be read. Keep backup media as protected
 * as the key itself, or move {@code keys/} to separate storage.
 * <p>
 * Restore loads in one transaction with {@code session_replication_role = replica} (foreign keys and
 * triggers are not re-checked while the rows of a consistent snapshot go in), which needs a superuser
 * or, on PostgreSQL 15+, {@code GRANT SET ON PARAMETER session_replication_role}.
 */
public final class DatabaseBackup {

    /** What a backup holds: written as {@code manifest.json}, checked on restore. */
    public record Manifest(int format, Instant createdAt, String schemaVersion, List<TableCopy> tables,
            Map<String, Long> sequences, String keyFile) {
    }

    /** One table's rows: the gzip file of its COPY text, its columns, row count and checksum. */
    public record TableCopy(String schema, String table, List<String> columns, long rows, String file, String sha256) {

        String qualified() {
            return quote(schema) + "." + quote(table);
        }
    }

    static final String MANIFEST = "manifest.json";
    static final String KEY_COPY = "keys/master.key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatabaseBackup() {
    }

    /**
     * Writes a backup of the database into {@code target} (created; must be empty or absent), with a
     * copy of the key file when one is given.
     */
    public static Manifest backup(DataSource dataSource, Path target, Optional<Path> keyFile) throws IOException, SQLException {
        if (Files.exists(target)) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("backup folder " + target + " is not empty");
                }
            }
        }
        Files.createDirectories(target.resolve("data"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            String version = schemaVersion(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<TableCopy> tables = new ArrayList<>();
            for (String[] t : tables(c)) {
                List<String> columns = columns(c, t[0], t[1]);
                String file = "data/" + t[0] + "." + t[1] + ".copy.gz";
                MessageDigest sha = sha256();
                long rows;
                try (OutputStream out = new GZIPOutputStream(
                        new java.security.DigestOutputStream(Files.newOutputStream(target.resolve(file)), sha), 1 << 16)) {
                    rows = copy.copyOut("COPY (SELECT " + columnList(columns) + " FROM " + quote(t[0]) + "." + quote(t[1])
                            + ") TO STDOUT", out);
                }
                tables.add(new TableCopy(t[0], t[1], columns, rows, file, HexFormat.of().formatHex(sha.digest())));
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT schemaname, sequencename, last_value FROM pg_sequences "
                            + "WHERE last_value IS NOT NULL AND schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2")) {
                while (rs.next()) {
                    sequences.put(quote(rs.getString(1)) + "." + quote(rs.getString(2)), rs.getLong(3));
                }
            }
            c.commit();
            String keyCopy = null;
            if (keyFile.isPresent()) {
                Path key = target.resolve(KEY_COPY);
                Files.createDirectories(key.getParent());
                Files.copy(keyFile.get(), key);
                ownerOnly(key);
                keyCopy = KEY_COPY;
            }
            Manifest manifest = new Manifest(1, Instant.now(), version, tables, sequences, keyCopy);
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.resolve(MANIFEST).toFile(), manifest);
            return manifest;
        }
    }

    /** Reads a backup's manifest. */
    public static Manifest manifest(Path backup) {
        return JSON.readValue(backup.resolve(MANIFEST).toFile(), Manifest.class);
    }

    /**
     * Restores {@code backup} into the database: an empty one is migrated first; one that already
     * holds petitions is refused unless {@code replace}. The backup's checksums are verified before
     * anything is changed, the rows are loaded in one transaction, and the row counts are compared
     * with the manifest afterwards. The key file is written to {@code keyTarget} when given (an
     * existing, different key is never overwritten: it would make the restored data unreadable).
     */
    public static Manifest restore(DataSource dataSource, Path backup, Optional<Path> keyTarget, boolean replace)
            throws IOException, SQLException {
        Manifest manifest = manifest(backup);
        for (TableCopy t : manifest.tables()) {
            String actual = checksum(backup.resolve(t.file()));
            if (!actual.equals(t.sha256())) {
                throw new IOException("backup file " + t.file() + " is damaged (SHA-256 differs from the manifest)");
            }
        }
        if (keyTarget.isPresent() && manifest.keyFile() != null) {
            Path source = backup.resolve(manifest.keyFile());
            Path target = keyTarget.get();
            if (Files.exists(target)) {
                if (!java.util.Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(target))) {
                    throw new IOException("a different key is already at " + target + "; not overwriting it");
                }
            } else {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                ownerOnly(target);
            }
        }
        boolean empty;
        try (Connection c = dataSource.getConnection()) {
            empty = !hasFlywayHistory(c);
        }
        if (empty) {
            // this class's loader: under exec:java the context class loader does not see the migrations
            Flyway.configure(DatabaseBackup.class.getClassLoader()).dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        try (Connection c = dataSource.getConnection()) {
            String version = schemaVersion(c);
            if (!version.equals(manifest.schemaVersion())) {
                throw new IllegalStateException("the backup is of schema version " + manifest.schemaVersion()
                        + " but the database is at " + version + "; restore with the Xinfang release that made it");
            }
            if (!replace && count(c, "petition.petition") > 0) {
                throw new IllegalStateException("the database already holds petitions; pass --replace to overwrite them");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                StringBuilder truncate = new StringBuilder("TRUNCATE ");
                for (int i = 0; i < manifest.tables().size(); i++) {
                    truncate.append(i == 0 ? "" : ", ").append(manifest.tables().get(i).qualified());
                }
                s.execute(truncate.toString());
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (TableCopy t : manifest.tables()) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(backup.resolve(t.file())), 1 << 16)) {
                        long loaded = copy.copyIn("COPY " + t.qualified() + " (" + columnList(t.columns()) + ") FROM STDIN", in);
                        if (loaded != t.rows()) {
                            throw new IllegalStateException(t.qualified() + ": loaded " + loaded + " rows, the backup has " + t.rows());
                        }
                    }
                }
                for (Map.Entry<String, Long> seq : manifest.sequences().entrySet()) {
                    try (var ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                        ps.setString(1, seq.getKey());
                        ps.setLong(2, seq.getValue());
                        ps.execute();
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return manifest;
    }

    private static List<String[]> tables(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                        ORDER BY 1, 2""")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return tables;
    }

    /** The stored columns: generated ones are computed again on restore and cannot be copied in. */
    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
                  AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static boolean hasFlywayHistory(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The highest migration applied, compared as Flyway compares versions (1.42 < 5.50 < 10.0). */
    private static String schemaVersion(Connection c) throws SQLException {
        if (!hasFlywayHistory(c)) {
            return "none";
        }
        org.flywaydb.core.api.MigrationVersion highest = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM public.flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                org.flywaydb.core.api.MigrationVersion v = org.flywaydb.core.api.MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || v.compareTo(highest) > 0) {
                    highest = v;
                }
            }
        }
        return highest == null ? "none" : highest.getVersion();
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String columnList(List<String> columns) {
        StringBuilder s = new StringBuilder();
        for (String col : columns) {
            s.append(s.isEmpty() ? "" : ", ").append(quote(col));
        }
        return s.toString();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String checksum(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own protection has to do
        }
    }
}
