package org.xinfang.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox of SMS. {@link #enqueue} writes a row in the caller's transaction (number
 * and variables encrypted); after commit a background thread sends what is due. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several nodes may dispatch at once without sending a message
 * twice. A failed send is retried with a growing delay (1, 2, 4 … minutes, at most 6 hours) and given
 * up after {@value #MAX_ATTEMPTS} attempts. Once sent, the number and variables are erased: the row
 * keeps only which notice went out when.
 */
@Component
class SmsOutbox implements DisposableBean {

    static final int MAX_ATTEMPTS = 12;
    private static final int BATCH = 20;
    private static final Duration MAX_DELAY = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(SmsOutbox.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final SmsGateway gateway;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sms-dispatch");
        t.setDaemon(true);
        return t;
    });

    SmsOutbox(JdbcClient jdbc, PersonalDataCipher cipher, JsonMapper json, SmsGateway gateway, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.gateway = gateway;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Queues a message unless one with the same {@code dedupKey} was queued before (an event delivered
     * twice after a crash notifies once).
     */
    void enqueue(String dedupKey, UUID petitionId, ShortMessage message) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO notification.sms_outbox (dedup_key, petition_id, template, phone_enc, values_enc, state,
                    attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT (dedup_key) DO NOTHING""")
                .params(dedupKey, petitionId, message.template().name(), cipher.encrypt(message.phone(), Field.PHONE),
                        cipher.encrypt(json.writeValueAsString(message.values()), Field.OTHER), Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kick();
                }
            });
        } else {
            kick();
        }
    }

    /** Dispatches soon, on the background thread. */
    void kick() {
        try {
            worker.execute(this::dispatchAll);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the periodic sweep of another node (or this one after restart) sends it
        }
    }

    /** Sends due messages repeatedly until none is left; returns how many were sent. */
    int dispatchAll() {
        int sent = 0;
        try {
            while (true) {
                Batch b = dispatchBatch();
                sent += b.sent();
                if (b.claimed() < BATCH) {
                    return sent;
                }
            }
        } catch (RuntimeException e) {
            log.warn("SMS dispatch stopped: {}", e.getClass().getSimpleName());
            return sent;
        }
    }

    private record Batch(int claimed, int sent) {
    }

    private record Row(long id, String template, byte[] phone, byte[] values, int attempts) {
    }

    private Batch dispatchBatch() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Row> rows = jdbc.sql("""
                    SELECT id, template, phone_enc, values_enc, attempts FROM notification.sms_outbox
                    WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(now), BATCH)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getInt(5)))
                    .list();
            int sent = 0;
            for (Row row : rows) {
                if (send(row, now)) {
                    sent++;
                }
            }
            return new Batch(rows.size(), sent);
        });
    }

    private boolean send(Row row, Instant now) {
        try {
            Map<String, String> values = json.readValue(cipher.decrypt(row.values(), Field.OTHER),
                    new TypeReference<Map<String, String>>() {
                    });
            gateway.send(new ShortMessage(cipher.decrypt(row.phone(), Field.PHONE), SmsTemplate.valueOf(row.template()),
                    values));
            jdbc.sql("UPDATE notification.sms_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = ?, "
                    + "phone_enc = NULL, values_enc = NULL, last_error = NULL WHERE id = ?")
                    .params(Timestamp.from(now), row.id()).update();
            return true;
        } catch (RuntimeException e) {
            int attempts = row.attempts() + 1;
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            Duration delay = Duration.ofMinutes(1L << Math.min(attempts - 1, 9));
            delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
            // only the exception's type: a provider's message might quote the number or the text
            jdbc.sql("UPDATE notification.sms_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ? "
                    + "WHERE id = ?")
                    .params(giveUp ? "FAILED" : "PENDING", attempts, Timestamp.from(now.plus(delay)),
                            e.getClass().getName(), row.id())
                    .update();
            log.warn("SMS {} ({}) failed on attempt {}: {}{}", row.id(), row.template(), attempts,
                    e.getClass().getSimpleName(), giveUp ? "; given up" : "; will retry");
            return false;
        }
    }

    /** Runs {@link #dispatchAll} every {@code interval} to retry failures and catch messages of a crashed node. */
    void sweepEvery(Duration interval) {
        worker.scheduleWithFixedDelay(this::dispatchAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
