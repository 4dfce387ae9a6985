package org.xinfang.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's own ceiling on this machine for what a registration writes at the least: one petition-like
 * row (same column types, a primary key, a unique number and the three plain indexes of
 * {@code petition.petition}) and one timeline row, in one committed transaction, over plain JDBC with
 * prepared statements — no HTTP, no validation, no encryption, no clocks, no events, no audit. Run with
 * as many connections as the load driver has clients; the tables live in a scratch schema
 * {@code bench_ceiling} that is dropped afterwards.
 */
public final class PostgresCeiling {

    /** Committed transactions per second and their latency percentiles (ms). */
    public record Result(int connections, long transactions, double perSecond, double p50, double p99) {
    }

    private final String url;
    private final String user;
    private final String password;

    public PostgresCeiling(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public Result run(int connections, Duration warmup, Duration measure) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_ceiling CASCADE");
            s.execute("CREATE SCHEMA bench_ceiling");
            s.execute("""
                    CREATE TABLE bench_ceiling.petition (id UUID PRIMARY KEY, number TEXT NOT NULL UNIQUE, query_code_enc BYTEA NOT NULL,
                        channel TEXT NOT NULL, type TEXT NOT NULL, category TEXT, region_code TEXT NOT NULL, title TEXT NOT NULL,
                        content TEXT NOT NULL, petitioner_id UUID NOT NULL, status TEXT NOT NULL, received_at TIMESTAMPTZ NOT NULL,
                        registered_at TIMESTAMPTZ NOT NULL, registered_by TEXT NOT NULL, receiving_unit_id BIGINT NOT NULL,
                        current_unit_id BIGINT NOT NULL, version INT NOT NULL DEFAULT 0, updated_at TIMESTAMPTZ NOT NULL)""");
            s.execute("CREATE INDEX ON bench_ceiling.petition (status, received_at DESC)");
            s.execute("CREATE INDEX ON bench_ceiling.petition (current_unit_id, status)");
            s.execute("CREATE INDEX ON bench_ceiling.petition (received_at DESC)");
            s.execute("""
                    CREATE TABLE bench_ceiling.timeline (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        petition_id UUID NOT NULL REFERENCES bench_ceiling.petition (id), at TIMESTAMPTZ NOT NULL, event TEXT NOT NULL,
                        actor TEXT NOT NULL, unit_id BIGINT, note TEXT NOT NULL DEFAULT '', public BOOLEAN NOT NULL DEFAULT TRUE)""");
            s.execute("CREATE INDEX ON bench_ceiling.timeline (petition_id, id)");
        }
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long end = from + measure.toNanos();
        AtomicLong seq = new AtomicLong();
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                running.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        c.setAutoCommit(false);
                        PreparedStatement p = c.prepareStatement("""
                                INSERT INTO bench_ceiling.petition (id, number, query_code_enc, channel, type, category, region_code,
                                    title, content, petitioner_id, status, received_at, registered_at, registered_by,
                                    receiving_unit_id, current_unit_id, updated_at)
                                VALUES (?, ?, ?, 'ONLINE', 'APPEAL', '物业管理', '990102001', ?, ?, ?, 'REGISTERED', ?, ?, '网上信访', 2, 2, ?)""");
                        PreparedStatement t = c.prepareStatement("INSERT INTO bench_ceiling.timeline (petition_id, at, event, actor,"
                                + " unit_id, note) VALUES (?, ?, 'REGISTERED', '网上信访', 2, '网上信访登记')");
                        byte[] code = new byte[45];
                        long now;
                        while ((now = System.nanoTime()) < end) {
                            UUID id = UUID.randomUUID();
                            Timestamp at = Timestamp.from(Instant.now());
                            ThreadLocalRandom.current().nextBytes(code);
                            p.setObject(1, id);
                            p.setString(2, "990100-CEILING-" + seq.incrementAndGet());
                            p.setBytes(3, code);
                            p.setString(4, "小区电梯长期停运，物业拒不维修");
                            p.setString(5, "本人是该小区居民，电梯已停运两个月，楼内多为老人，上下楼十分困难。多次向物业反映无果，恳请有关部门依法处理。");
                            p.setObject(6, UUID.randomUUID());
                            p.setTimestamp(7, at);
                            p.setTimestamp(8, at);
                            p.setTimestamp(9, at);
                            p.executeUpdate();
                            t.setObject(1, id);
                            t.setTimestamp(2, at);
                            t.executeUpdate();
                            c.commit();
                            if (now >= from) {
                                latencies.record((System.nanoTime() - now) / 1000);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS bench_ceiling CASCADE");
            }
        }
        LoadResult.Stats s = latencies.stats(measure.toNanos() / 1e9);
        return new Result(connections, s.ok(), s.perSecond(), s.p50(), s.p99());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
