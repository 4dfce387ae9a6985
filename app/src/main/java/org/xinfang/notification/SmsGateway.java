package org.xinfang.notification;

/**
 * 短信网关: the operator's or cloud provider's SMS service. An installation provides one bean that
 * talks to its contracted provider (who usually needs the {@link SmsTemplate} name mapped to a
 * registered template id and a registered 短信签名) and sets {@code xinfang.notification.sms.gateway}
 * to anything but {@code log}; without one, {@code LoggingSmsGateway} writes each message, masked, to
 * the log.
 */
public interface SmsGateway {

    /**
     * Sends one message, or throws. A failure is retried later with a growing delay, so an
     * implementation should throw rather than swallow a temporary error, and must not put the phone
     * number or the message text into its exception messages (they are logged).
     */
    void send(ShortMessage message);
}
