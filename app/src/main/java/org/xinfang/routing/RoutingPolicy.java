package org.xinfang.routing;

import java.util.Optional;

import org.xinfang.organization.Units;

/** One named routing rule: it either lets a routing decision pass or says why not (a message key and its arguments). */
public interface RoutingPolicy {

    /** A refusal: the message key in {@code messages*.properties} and its arguments. */
    record Refusal(String messageKey, Object... args) {
    }

    String name();

    Optional<Refusal> check(RoutingCase routing, Units units);
}
