package org.xinfang.supervision;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xinfang.deadline.DeadlineMissed;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.petition.PetitionEvent;
import org.xinfang.petition.Rating;

/**
 * Turns the 督办 triggers into suggestions: a missed statutory period owed by a unit or the bureau
 * (无故超期), a 交办 whose feedback date passed (交办未反馈), and a 不满意 rating. Runs after the triggering
 * transaction committed, from Spring Modulith's persisted publications, so a redelivered event is
 * possible; the suggestion's unique key makes it harmless.
 */
@Component
class SupervisionTriggers {

    /**
     * The periods whose miss is a failure of the unit or bureau. The petitioner's own windows (申请复查,
     * 申请复核) are not, nor is the 5-working-day 异议退回 period, which is the unit's right, not its duty.
     */
    static final Set<StatutoryPeriod> DUTIES = Set.of(StatutoryPeriod.ROUTE, StatutoryPeriod.ACKNOWLEDGE,
            StatutoryPeriod.HANDLE, StatutoryPeriod.EXTENSION, StatutoryPeriod.SIMPLIFIED, StatutoryPeriod.REVIEW_ANSWER,
            StatutoryPeriod.RECHECK_ANSWER);

    private final Suggestions suggestions;

    SupervisionTriggers(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @ApplicationModuleListener
    void on(DeadlineMissed missed) {
        SupervisionReason trigger;
        if (missed.period() == StatutoryPeriod.ASSIGNMENT_FEEDBACK) {
            trigger = SupervisionReason.NO_FEEDBACK;
        } else if (DUTIES.contains(missed.period())) {
            trigger = SupervisionReason.OVERDUE_WITHOUT_CAUSE;
        } else {
            return;
        }
        suggestions.raise(missed.subjectId(), trigger, missed.period().name(), missed.dueDate());
    }

    @ApplicationModuleListener
    void on(PetitionEvent.Rated rated) {
        if (rated.rating() == Rating.UNSATISFIED) {
            suggestions.raise(rated.petitionId(), SupervisionReason.PETITIONER_UNSATISFIED, "", null);
        }
    }
}
