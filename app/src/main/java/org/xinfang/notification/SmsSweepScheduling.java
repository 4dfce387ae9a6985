package org.xinfang.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every node sweeps the outbox now and then ({@code xinfang.notification.sms.sweep-interval}, one
 * minute unless configured) for retries and for messages whose after-commit dispatch was lost in a
 * crash. No cluster lock is needed: rows are claimed with {@code SKIP LOCKED}. Off with the other
 * background work when {@code xinfang.scheduler.enabled=false} (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xinfang.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SmsSweepScheduling {

    @Bean
    ApplicationListener<ApplicationReadyEvent> smsSweepStart(SmsOutbox outbox,
            @Value("${xinfang.notification.sms.sweep-interval:PT1M}") Duration interval) {
        return event -> outbox.sweepEvery(interval);
    }
}
