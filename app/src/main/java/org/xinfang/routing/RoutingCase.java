package org.xinfang.routing;

/**
 * What a routing decision is judged on.
 *
 * @param accusation     a 检举控告 petition
 * @param regionCode     where the problem arose (问题属地)
 * @param currentUnitId  the unit holding the petition now (首办: it hands over, it does not route to itself)
 */
public record RoutingCase(boolean accusation, String regionCode, long currentUnitId, RouteMode mode,
        org.xinfang.organization.Unit target) {
}
