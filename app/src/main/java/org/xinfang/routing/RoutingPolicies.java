package org.xinfang.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;
import org.xinfang.shared.RuleViolationException;

/**
 * The routing rules of Art.22 of the 《信访工作条例》, each a named policy. {@link #allCurrentPolicies()}
 * lists them; {@link #check} applies all of them and refuses with the first one broken.
 */
@Component
public class RoutingPolicies {

    /** 首办负责: the unit holding a matter hands it over to another unit; it cannot route it to itself. */
    static final RoutingPolicy HAND_OVER_TO_ANOTHER_UNIT = policy("首办负责：移交他单位", (c, u) ->
            c.target().id() == c.currentUnitId() ? refuse("rule.route.toSelf") : Optional.empty());

    /** 检举控告 go to the 纪检监察 organ with 管理权限 — and only accusations take that road. */
    static final RoutingPolicy ACCUSATIONS_TO_DISCIPLINE = policy("检举控告转纪检监察", (c, u) -> {
        if (c.mode() == RouteMode.TO_DISCIPLINE && c.target().kind() != UnitKind.DISCIPLINE) {
            return refuse("rule.route.disciplineOnly");
        }
        if (c.accusation() && c.target().kind() == UnitKind.TERRITORY) {
            return refuse("rule.route.accusationToTerritory");
        }
        return Optional.empty();
    });

    /** 诉访分离: litigation, arbitration and administrative-review matters go to those channels' organs. */
    static final RoutingPolicy LEGAL_CHANNEL_SEPARATION = policy("诉访分离", (c, u) -> {
        if (c.mode() != RouteMode.GUIDE_TO_LEGAL_CHANNEL) {
            return Optional.empty();
        }
        Unit t = c.target();
        boolean legal = t.kind() == UnitKind.COURT || t.kind() == UnitKind.POLITICAL_LEGAL
                || "JUSTICE".equals(t.function()) || "HUMAN_RESOURCES".equals(t.function());
        return legal ? Optional.empty() : refuse("rule.route.legalChannelOnly");
    });

    /** 属地管理、分级负责: the target serves the territory where the problem arose, or one above it. */
    static final RoutingPolicy TERRITORIAL_RESPONSIBILITY = policy("属地管理、分级负责", (c, u) -> {
        Optional<Unit> problemTerritory = u.territory(c.regionCode());
        if (problemTerritory.isEmpty()) {
            return Optional.empty(); // a place outside this installation: the clerk's judgement
        }
        return u.territoryOf(c.target()).contains(problemTerritory.get()) ? Optional.empty()
                : refuse("rule.route.territory", c.target().name());
    });

    private static final List<RoutingPolicy> ALL = List.of(HAND_OVER_TO_ANOTHER_UNIT, ACCUSATIONS_TO_DISCIPLINE,
            LEGAL_CHANNEL_SEPARATION, TERRITORIAL_RESPONSIBILITY);

    private final Units units;

    RoutingPolicies(Units units) {
        this.units = units;
    }

    public static List<RoutingPolicy> allCurrentPolicies() {
        return ALL;
    }

    /** Applies every policy; throws with the reason of the first one the decision breaks. */
    public void check(RoutingCase routing) {
        for (RoutingPolicy policy : ALL) {
            Optional<RoutingPolicy.Refusal> refusal = policy.check(routing, units);
            if (refusal.isPresent()) {
                throw new RuleViolationException(refusal.get().messageKey(), refusal.get().args());
            }
        }
    }

    /**
     * The organ one level above the one that decided (复查 and then 复核 go one level up each time): a
     * department's superior is the people's government of its territory (本级人民政府); a government's is
     * the government of the territory above.
     */
    public Unit organAbove(Unit decidedBy) {
        if (decidedBy.kind() != UnitKind.TERRITORY) {
            return units.territoryOf(decidedBy);
        }
        if (decidedBy.parentId() == null) {
            throw new RuleViolationException("rule.review.noHigherOrgan");
        }
        return units.territoryOf(units.find(decidedBy.parentId()).orElseThrow());
    }

    private static Optional<RoutingPolicy.Refusal> refuse(String key, Object... args) {
        return Optional.of(new RoutingPolicy.Refusal(key, args));
    }

    private static RoutingPolicy policy(String name,
            java.util.function.BiFunction<RoutingCase, Units, Optional<RoutingPolicy.Refusal>> rule) {
        return new RoutingPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Refusal> check(RoutingCase routing, Units u) {
                return rule.apply(routing, u);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
