package org.xinfang.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The gateway of an installation without an SMS contract (and of development and tests): writes each
 * message to the log instead of sending it — with the number masked (138****5678) and the query code
 * as asterisks, because logs are read by operators who must not learn them.
 */
@Component
@ConditionalOnProperty(name = "xinfang.notification.sms.gateway", havingValue = "log", matchIfMissing = true)
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(ShortMessage message) {
        log.info("SMS (not sent, logging gateway) to {}", message.redacted());
    }
}
