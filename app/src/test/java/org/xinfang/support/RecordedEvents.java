package org.xinfang.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * Every domain event Xinfang publishes, as it is published. Test classes share one context, so a test
 * filters for the events of the subjects it created itself.
 */
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (payload.getClass().getName().startsWith("org.xinfang.")) {
            events.add(payload);
        }
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
