package org.xinfang.petition;

import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;
import org.xinfang.shared.RuleViolationException;

/**
 * The routing rules of Art.22 as named checks: 属地管理、分级负责 (the target serves the territory of the
 * problem or a territory above it), 诉访分离 (legal-channel matters go to 政法/法院/司法 organs),
 * 检举控告 to 纪检监察, and the review organ for 复查/复核 (the next higher organ each time).
 */
final class RoutingRules {

    private RoutingRules() {
    }

    static void check(Petition p, RouteMode mode, Unit target, Units units) {
        if (target.id() == p.currentUnitId) {
            throw new RuleViolationException("rule.route.toSelf");
        }
        switch (mode) {
            case TO_DISCIPLINE -> {
                if (target.kind() != UnitKind.DISCIPLINE) {
                    throw new RuleViolationException("rule.route.disciplineOnly");
                }
            }
            case GUIDE_TO_LEGAL_CHANNEL -> {
                boolean legal = target.kind() == UnitKind.COURT || target.kind() == UnitKind.POLITICAL_LEGAL
                        || "JUSTICE".equals(target.function()) || "HUMAN_RESOURCES".equals(target.function());
                if (!legal) {
                    throw new RuleViolationException("rule.route.legalChannelOnly");
                }
            }
            case FORWARD, ASSIGN -> {
                if (p.type == PetitionType.ACCUSATION && target.kind() != UnitKind.DISCIPLINE && p.confidential) {
                    // an accusation may go to a competent organ, but never to a territory unit in its entirety
                    if (target.kind() == UnitKind.TERRITORY) {
                        throw new RuleViolationException("rule.route.accusationToTerritory");
                    }
                }
            }
        }
        territorial(p, target, units);
    }

    /** 属地管理: the target must serve the territory where the problem arose, or one above it. */
    private static void territorial(Petition p, Unit target, Units units) {
        Unit targetTerritory = units.territoryOf(target);
        Unit problemTerritory = units.territory(p.regionCode).orElse(null);
        if (problemTerritory == null) {
            return; // problem outside this installation's tree: the clerk's judgement
        }
        boolean covers = targetTerritory.contains(problemTerritory);
        if (!covers) {
            throw new RuleViolationException("rule.route.territory", target.name());
        }
    }

    /**
     * The organ one level above the one that decided: a department's superior is the people's government
     * of its territory (本级人民政府); a government's is the government of the territory above.
     */
    static Unit organAbove(Unit decidedBy, Units units) {
        if (decidedBy.kind() != UnitKind.TERRITORY) {
            return units.territoryOf(decidedBy);
        }
        if (decidedBy.parentId() == null) {
            throw new RuleViolationException("rule.review.noHigherOrgan");
        }
        return units.territoryOf(units.find(decidedBy.parentId()).orElseThrow());
    }
}
