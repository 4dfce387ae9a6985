package org.xinfang.deadline;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records every deadline event as it is published, from whichever thread publishes it. Test classes
 * share the context, so a test reads only the events of the subjects it created.
 */
@TestComponent
class DeadlineEventLog {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DeadlineApproaching event) {
        events.add(event);
    }

    @EventListener
    void on(DeadlineMissed event) {
        events.add(event);
    }

    List<DeadlineApproaching> approaching(UUID subjectId) {
        return events.stream()
                .filter(DeadlineApproaching.class::isInstance).map(DeadlineApproaching.class::cast)
                .filter(e -> e.subjectId().equals(subjectId))
                .toList();
    }

    List<DeadlineMissed> missed(UUID subjectId) {
        return events.stream()
                .filter(DeadlineMissed.class::isInstance).map(DeadlineMissed.class::cast)
                .filter(e -> e.subjectId().equals(subjectId))
                .toList();
    }
}
