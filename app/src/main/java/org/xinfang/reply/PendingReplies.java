package org.xinfang.reply;

import org.springframework.stereotype.Component;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Units;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionType;
import org.xinfang.petition.PetitionViews;
import org.xinfang.routing.RoutingPolicies;
import org.xinfang.shared.RuleViolationException;

/**
 * The reply of a petition as the checker needs it: the draft awaiting approval, else the reply issued,
 * read through the petition's audited, scope-checked view, with the organ its 复查 notice must name.
 */
@Component
class PendingReplies {

    private final PetitionQueries petitions;
    private final RoutingPolicies routing;
    private final Units units;

    PendingReplies(PetitionQueries petitions, RoutingPolicies routing, Units units) {
        this.petitions = petitions;
        this.routing = routing;
        this.units = units;
    }

    ReplyDraft draftOf(String number, StaffUser user) {
        PetitionViews.Detail c = petitions.detail(number, user);
        Outcome outcome;
        String text;
        if (c.pending() != null && "REPLY".equals(c.pending().kind())) {
            // The pending summary reads "<outcome label>：<text>" (PetitionQueries.pending)
            String summary = c.pending().summary();
            int colon = summary.indexOf('：');
            String label = colon < 0 ? "" : summary.substring(0, colon);
            outcome = null;
            for (Outcome o : Outcome.values()) {
                if (o.label().equals(label)) {
                    outcome = o;
                }
            }
            text = colon < 0 ? summary : summary.substring(colon + 1);
        } else if (c.reply() != null) {
            outcome = Outcome.valueOf(c.reply().outcome());
            text = c.reply().text();
        } else {
            throw new RuleViolationException("reply.nothingToCheck");
        }
        String organ;
        try {
            organ = routing.organAbove(units.find(c.currentUnit().id()).orElseThrow()).name();
        } catch (RuleViolationException e) {
            organ = null;
        }
        return new ReplyDraft(PetitionType.valueOf(c.type()), c.title(), c.content(), outcome, text, 0, organ,
                c.petitioner().name());
    }
}
