package org.xinfang.petition;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xinfang.deadline.DeadlineMissed;
import org.xinfang.deadline.StatutoryPeriod;

/**
 * 结案: when the petitioner's 30 days to ask for 复查 (or 复核) pass without a request, the reply (or the
 * 复查 opinion) stands and the matter closes. Runs after the scan's transaction, persisted by Spring
 * Modulith, so a crash between the two never leaves a matter open for ever.
 */
@Component
class ReviewWindowClosure {

    private final PetitionLifecycle lifecycle;

    ReviewWindowClosure(PetitionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @ApplicationModuleListener
    void on(DeadlineMissed missed) {
        if (missed.period() == StatutoryPeriod.REVIEW_REQUEST || missed.period() == StatutoryPeriod.RECHECK_REQUEST) {
            lifecycle.closeAfterReviewWindow(missed.subjectId(), missed.period());
        }
    }
}
