package org.xinfang.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xinfang.people.PhoneNumber;
import org.xinfang.petition.PetitionEvent;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionViews;
import org.xinfang.routing.RouteMode;

/**
 * Turns the lawful steps of a petition into SMS to the petitioner — 转送/交办, 受理, 不予受理, 延期
 * (which the law says the petitioner must be told), 答复, and the 复查/复核 steps. Runs after the step's
 * transaction committed, from Spring Modulith's persisted event publication: a crash before the
 * message is queued redelivers the event on restart, and the outbox's dedup key keeps a redelivered
 * event from notifying twice. For a 检举控告 the handling organ is named only as 纪检监察机关, as on the
 * public tracking page.
 */
@Component
class PetitionNotices {

    private final PetitionQueries queries;
    private final SmsOutbox outbox;

    PetitionNotices(PetitionQueries queries, SmsOutbox outbox) {
        this.queries = queries;
        this.outbox = outbox;
    }

    // One listener per event that notifies, not one for every PetitionEvent: each listener of an event gets a
    // persisted publication (a row written with the step, completed afterwards), and 登记 — the busiest step —
    // sends nothing from here (intake queues the receipt with the query code in the registering transaction).

    @ApplicationModuleListener
    void on(PetitionEvent.Routed event) {
        notify(event);
    }

    @ApplicationModuleListener
    void on(PetitionEvent.Accepted event) {
        notify(event);
    }

    @ApplicationModuleListener
    void on(PetitionEvent.Declined event) {
        notify(event);
    }

    @ApplicationModuleListener
    void on(PetitionEvent.Extended event) {
        notify(event);
    }

    @ApplicationModuleListener
    void on(PetitionEvent.ReplyIssued event) {
        notify(event);
    }

    @ApplicationModuleListener
    void on(PetitionEvent.ReviewRequested event) {
        notify(event);
    }

    @ApplicationModuleListener
    void on(PetitionEvent.ReviewAnswered event) {
        notify(event);
    }

    private void notify(PetitionEvent event) {
        SmsTemplate template = templateFor(event);
        if (template == null) {
            return;
        }
        PetitionViews.Detail p = queries.forSystem(event.petitionId(), "短信通知 " + template.name());
        String phone = p.petitioner().phone();
        if (!Notifications.isMobile(phone)) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("number", p.number());
        String unit = p.flags().confidential() ? "纪检监察机关" : p.currentUnit().name();
        Instant at;
        if (event instanceof PetitionEvent.Routed r) {
            values.put("action", r.mode() == RouteMode.ASSIGN ? "交办至" : "转送至");
            values.put("unit", unit);
            at = r.at();
        } else if (event instanceof PetitionEvent.Accepted a) {
            values.put("unit", unit);
            at = a.at();
        } else if (event instanceof PetitionEvent.Declined d) {
            at = d.at();
        } else if (event instanceof PetitionEvent.Extended e) {
            values.put("days", Integer.toString(e.days()));
            at = e.at();
        } else if (event instanceof PetitionEvent.ReplyIssued r) {
            at = r.at();
        } else if (event instanceof PetitionEvent.ReviewRequested r) {
            values.put("stage", r.stage() == 1 ? "复查" : "复核");
            values.put("unit", p.review() == null || p.review().unit() == null ? "复查（复核）机关" : p.review().unit());
            at = r.at();
        } else {
            PetitionEvent.ReviewAnswered r = (PetitionEvent.ReviewAnswered) event;
            values.put("stage", r.stage() == 1 ? "复查" : "复核");
            at = r.at();
        }
        outbox.enqueue(template.name() + ":" + event.petitionId() + ":" + at, event.petitionId(),
                new ShortMessage(PhoneNumber.parse(phone).value(), template, values));
    }

    /** The notice a step gets; null for 登记 (intake sends the receipt with the code) and internal steps. */
    static SmsTemplate templateFor(PetitionEvent event) {
        if (event instanceof PetitionEvent.Routed r) {
            return r.mode() == RouteMode.GUIDE_TO_LEGAL_CHANNEL ? SmsTemplate.GUIDED : SmsTemplate.ROUTED;
        }
        if (event instanceof PetitionEvent.Accepted) {
            return SmsTemplate.ACCEPTED;
        }
        if (event instanceof PetitionEvent.Declined) {
            return SmsTemplate.NOT_ACCEPTED;
        }
        if (event instanceof PetitionEvent.Extended) {
            return SmsTemplate.EXTENDED;
        }
        if (event instanceof PetitionEvent.ReplyIssued) {
            return SmsTemplate.ANSWERED;
        }
        if (event instanceof PetitionEvent.ReviewRequested) {
            return SmsTemplate.REVIEW_RECEIVED;
        }
        if (event instanceof PetitionEvent.ReviewAnswered) {
            return SmsTemplate.REVIEW_ANSWERED;
        }
        return null;
    }
}
