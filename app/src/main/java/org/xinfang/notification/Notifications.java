package org.xinfang.notification;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.xinfang.people.PhoneNumber;

/**
 * What other modules ask of notification. Everything is queued in the caller's transaction and sent
 * after it commits: a rolled-back registration sends nothing, a committed one is never left unsent.
 */
@Service
public class Notifications {

    private final SmsOutbox outbox;

    Notifications(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Queues the 登记回执 SMS with the number and query code. Call it inside the transaction that
     * registers the petition; the code is stored encrypted until sent, then erased. Nothing happens
     * without a mobile number (a landline cannot receive SMS).
     */
    public void receipt(UUID petitionId, String number, String queryCode, String phone) {
        if (!isMobile(phone)) {
            return;
        }
        outbox.enqueue("RECEIPT:" + petitionId, petitionId,
                new ShortMessage(PhoneNumber.parse(phone).value(), SmsTemplate.RECEIPT,
                        Map.of("number", number, "code", queryCode)));
    }

    /** Whether an SMS can reach this number: a valid mainland mobile number. */
    public static boolean isMobile(String phone) {
        return phone != null && PhoneNumber.isValid(phone) && PhoneNumber.parse(phone).isMobile();
    }
}
