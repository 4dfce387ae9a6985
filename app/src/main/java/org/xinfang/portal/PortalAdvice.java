package org.xinfang.portal;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;

/** The installation's name on every portal page: "示范市网上信访", run by "示范市信访局". */
@ControllerAdvice(assignableTypes = { PortalController.class, SubmissionController.class, TrackingController.class,
        FeedbackFormController.class,
        ReceptionBookingController.class })
class PortalAdvice {

    /** The territory this portal serves and its petition bureau. */
    record Identity(String territory, String bureau) {
    }

    private final Units units;

    PortalAdvice(Units units) {
        this.units = units;
    }

    @ModelAttribute("portal")
    Identity portal() {
        List<Unit> territories = units.territories();
        if (territories.isEmpty()) {
            return new Identity("", "信访局");
        }
        Unit root = territories.get(0);
        String bureau = units.unitServing(root, UnitKind.PETITION_BUREAU, null).map(Unit::name).orElse(root.name() + "信访局");
        return new Identity(root.name(), bureau);
    }
}
