package org.xinfang.bench.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} in PostgreSQL's text format, fed row by row on its own connection and
 * flushed in chunks of about a megabyte, so several tables load side by side without holding a table's
 * rows in memory. Values are escaped as the text format requires (backslash, tab, newline, carriage
 * return); {@code null} is written as {@code \N}.
 */
final class CopyStream implements AutoCloseable {

    private static final int CHUNK = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(4096);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK + 65536);
    private boolean first = true;
    private long rows;

    CopyStream(DataSource ds, String table, String columns) throws SQLException {
        this.connection = ds.getConnection();
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    CopyStream text(String value) {
        sep();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    /** A value known to need no escaping (numbers, codes, enum names). */
    CopyStream raw(Object value) {
        sep();
        row.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyStream uuid(UUID value) {
        return raw(value);
    }

    CopyStream time(Instant value) {
        return raw(value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    CopyStream date(LocalDate value) {
        return raw(value);
    }

    CopyStream bool(boolean value) {
        return raw(value ? "t" : "f");
    }

    CopyStream bytes(byte[] value) {
        sep();
        if (value == null) {
            row.append("\\N");
        } else {
            row.append("\\\\x").append(HEX.formatHex(value));
        }
        return this;
    }

    /** Ends the row; sends a chunk to the server once enough has gathered. */
    void end() throws SQLException {
        row.append('\n');
        byte[] b = row.toString().getBytes(StandardCharsets.UTF_8);
        pending.write(b, 0, b.length);
        row.setLength(0);
        first = true;
        rows++;
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void sep() {
        if (!first) {
            row.append('\t');
        }
        first = false;
    }

    private void flush() throws SQLException {
        if (pending.size() > 0) {
            byte[] b = pending.toByteArray();
            copy.writeToCopy(b, 0, b.length);
            pending.reset();
        }
    }

    /** Sends the rest and ends the COPY (its rows commit together). */
    @Override
    public void close() throws SQLException {
        try {
            if (copy.isActive()) {
                flush();
                copy.endCopy();
            }
        } finally {
            connection.close();
        }
    }
}
