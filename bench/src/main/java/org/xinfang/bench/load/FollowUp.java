package org.xinfang.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * The work a registration leaves to its event listeners (search index, registration form, …): Spring
 * Modulith's publications in {@code event_publication} not completed yet. A phase of the load benchmark
 * is charged with the time its backlog takes to drain, so a submission rate that only piles up work for
 * later is not reported as sustained.
 */
final class FollowUp {

    /** How long the backlog took to drain after a phase, from how many pending publications. */
    record Drained(long pendingAtEnd, long pendingLeft, double seconds, boolean complete) {

        /** Acknowledged submissions per second of the phase plus the drain. */
        double sustained(long acknowledged, Duration measured) {
            return acknowledged / (measured.toNanos() / 1e9 + seconds);
        }

        String describe() {
            return String.format(Locale.ROOT, "follow-up work: %,d event publications pending at the end of the phase, %s in %.1f s",
                    pendingAtEnd, complete ? "drained" : "NOT drained (" + pendingLeft + " left)", seconds);
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private long baseline = -1;

    FollowUp(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Incomplete publications now. */
    long pending() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Remembers the publications left incomplete before any load (failed earlier, not ours to wait for). */
    void baseline() throws SQLException {
        baseline = pending();
    }

    /** Waits (up to {@code limit}) until the incomplete publications are back at the baseline. */
    Drained drain(Duration limit) throws SQLException, InterruptedException {
        long base = Math.max(0, baseline);
        long t0 = System.nanoTime();
        long atEnd = pending() - base;
        long left = atEnd;
        while (left > 0 && System.nanoTime() - t0 < limit.toNanos()) {
            Thread.sleep(250);
            left = pending() - base;
        }
        double seconds = atEnd <= 0 ? 0 : (System.nanoTime() - t0) / 1e9;
        return new Drained(Math.max(0, atEnd), Math.max(0, left), seconds, left <= 0);
    }
}
