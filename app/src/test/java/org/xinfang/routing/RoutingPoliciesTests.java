package org.xinfang.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.shared.RuleViolationException;
import org.xinfang.support.XinfangTest;

/** Each routing rule of Art.22 on its own, against the demo city's organisation tree. */
@XinfangTest
class RoutingPoliciesTests {

    @Autowired
    RoutingPolicies policies;

    @Autowired
    Units units;

    @Test
    void the_rules_are_named_and_listable() {
        assertThat(RoutingPolicies.allCurrentPolicies()).extracting(RoutingPolicy::name)
                .containsExactly("首办负责：移交他单位", "检举控告转纪检监察", "诉访分离", "属地管理、分级负责");
    }

    @Test
    void territorial_responsibility_a_district_unit_serves_only_its_own_district() {
        long bureau = unit("990100-XFJ").id();
        // a problem in 东湖街道 may go to 东湖区住建局 or to the city's 住建局, not to 西山区住建局
        policies.check(new RoutingCase(false, "990102001", bureau, RouteMode.FORWARD, unit("990102-ZJJ")));
        policies.check(new RoutingCase(false, "990102001", bureau, RouteMode.FORWARD, unit("990100-ZJJ")));
        assertThatThrownBy(() -> policies.check(new RoutingCase(false, "990102001", bureau, RouteMode.FORWARD,
                unit("990103-ZJJ"))))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rule.route.territory"));
    }

    @Test
    void legal_channel_matters_are_guided_to_courts_justice_or_arbitration_only() {
        long bureau = unit("990100-XFJ").id();
        policies.check(new RoutingCase(false, "990102", bureau, RouteMode.GUIDE_TO_LEGAL_CHANNEL, unit("990102-FY")));
        policies.check(new RoutingCase(false, "990102", bureau, RouteMode.GUIDE_TO_LEGAL_CHANNEL, unit("990102-SFJ")));
        assertThatThrownBy(() -> policies.check(new RoutingCase(false, "990102", bureau,
                RouteMode.GUIDE_TO_LEGAL_CHANNEL, unit("990102-ZJJ")))).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void accusations_go_to_discipline_inspection_never_to_a_territory_as_a_whole() {
        long bureau = unit("990100-XFJ").id();
        policies.check(new RoutingCase(true, "990102", bureau, RouteMode.TO_DISCIPLINE, unit("990102-JW")));
        assertThatThrownBy(() -> policies.check(new RoutingCase(true, "990102", bureau, RouteMode.TO_DISCIPLINE,
                unit("990102-ZJJ")))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> policies.check(new RoutingCase(true, "990102", bureau, RouteMode.FORWARD,
                unit("990102")))).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void a_unit_hands_over_and_does_not_route_to_itself() {
        Unit bureau = unit("990100-XFJ");
        assertThatThrownBy(() -> policies.check(new RoutingCase(false, "990102", bureau.id(), RouteMode.FORWARD, bureau)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void review_goes_one_level_up_each_time() {
        Unit review = policies.organAbove(unit("990102-ZJJ"));
        assertThat(review.name()).isEqualTo("东湖区");
        Unit recheck = policies.organAbove(review);
        assertThat(recheck.name()).isEqualTo("示范市");
        assertThatThrownBy(() -> policies.organAbove(recheck)).isInstanceOf(RuleViolationException.class);
    }

    private Unit unit(String code) {
        return units.findByCode(code).orElseThrow();
    }
}
