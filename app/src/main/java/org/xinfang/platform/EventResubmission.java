package org.xinfang.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Completes event publications that a listener did not finish — because PostgreSQL was away when it
 * ran, or the node running it was killed — without waiting for a node to restart.
 * <p>
 * Every {@code xinfang.events.resubmit-interval} (1 minute unless configured) one node of the cluster
 * (the one that wins a PostgreSQL advisory lock; the others skip that round) hands the publications
 * still incomplete after {@code xinfang.events.resubmit-after} (2 minutes) to their listeners again.
 * The age keeps it away from publications another node is still processing. This replaces Spring
 * Modulith's republish-on-restart, which on a cluster would let a restarting node redeliver the
 * events other nodes are handling at that moment. The listeners are idempotent as well (the SMS
 * outbox's dedup key, the documents' trigger key, the search index's upsert), so a rare second
 * delivery changes nothing.
 */
@Component
class EventResubmission implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('xinfang-event-resubmission'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('xinfang-event-resubmission'))";

    private final IncompleteEventPublications incomplete;
    private final DataSource dataSource;
    private final Duration interval;
    private final Duration minAge;
    private ScheduledExecutorService worker;

    EventResubmission(IncompleteEventPublications incomplete, DataSource dataSource,
            @Value("${xinfang.events.resubmit-interval:PT1M}") Duration interval,
            @Value("${xinfang.events.resubmit-after:PT2M}") Duration minAge) {
        if (interval.isNegative() || interval.isZero() || minAge.isNegative()) {
            throw new IllegalArgumentException("xinfang.events.resubmit-interval must be positive and resubmit-after not negative");
        }
        this.incomplete = incomplete;
        this.dataSource = dataSource;
        this.interval = interval;
        this.minAge = minAge;
    }

    /** Starts once the application is ready, so no listener meets a half-built context. */
    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() {
        synchronized (this) {
            if (worker == null) {
                worker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "event-resubmission");
                    t.setDaemon(true);
                    return t;
                });
                worker.scheduleWithFixedDelay(this::resubmitOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * One round: resubmits the old incomplete publications if this node holds the lock.
     *
     * @return whether this node did the round
     */
    boolean resubmitOnce() {
        try (Connection c = dataSource.getConnection()) {
            if (!query(c, LOCK)) {
                return false;
            }
            try {
                // all incomplete ones, whatever their status: a killed node leaves its publications PROCESSING
                // forever, which the status-based variant (FAILED only) would never pick up
                incomplete.resubmitIncompletePublicationsOlderThan(minAge);
                return true;
            } finally {
                query(c, UNLOCK);
            }
        } catch (Exception e) {
            // PostgreSQL away or a listener failing again: the next round tries once more
            log.warn("Resubmitting incomplete event publications failed, retrying in {}: {}", interval, e.toString());
            return false;
        }
    }

    private static boolean query(Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Override
    public void start() {
        // started by startWhenReady(); SmartLifecycle only for an orderly stop before the DataSource closes
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
