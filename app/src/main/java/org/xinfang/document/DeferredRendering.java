package org.xinfang.document;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The low-priority background renderer: every {@code xinfang.document.render-interval} (one minute unless
 * configured) each node renders up to {@code xinfang.document.render-batch} (50) documents whose files
 * were left for later ({@link DocumentFiles}), one at a time on one low-priority thread, so registrations
 * at a peak are not slowed by it and the backlog is worked off in quieter minutes. Rows are claimed with
 * {@code SKIP LOCKED}, so nodes never render the same document twice. A download does not wait for it: a
 * document not rendered yet is rendered on its first download. Off with the other background work when
 * {@code xinfang.scheduler.enabled=false} (tests, benchmarks).
 */
@Component
@ConditionalOnProperty(name = "xinfang.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class DeferredRendering implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeferredRendering.class);

    private final DocumentFiles files;
    private final Duration interval;
    private final int batch;
    private ScheduledExecutorService worker;

    DeferredRendering(DocumentFiles files, @Value("${xinfang.document.render-interval:PT1M}") Duration interval,
            @Value("${xinfang.document.render-batch:50}") int batch) {
        if (interval.isNegative() || interval.isZero() || batch < 1) {
            throw new IllegalArgumentException("xinfang.document.render-interval must be positive and render-batch at least 1");
        }
        this.files = files;
        this.interval = interval;
        this.batch = batch;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startWhenReady() {
        if (worker == null) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "document-rendering");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            worker.scheduleWithFixedDelay(this::renderOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void renderOnce() {
        try {
            int n = files.renderPending(batch);
            if (n > 0) {
                log.debug("rendered {} documents left for later", n);
            }
        } catch (RuntimeException e) {
            // PostgreSQL away or a font missing: the documents stay unrendered and are tried next round
            log.warn("Rendering documents left for later failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        // started on ApplicationReadyEvent, so no rendering meets a half-built context
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
