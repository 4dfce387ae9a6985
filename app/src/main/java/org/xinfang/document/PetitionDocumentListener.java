package org.xinfang.document;

import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xinfang.petition.PetitionEvent;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.routing.RouteMode;

/**
 * Makes each document when its step happens. Spring Modulith records the event before this runs and
 * marks it done only when the document is stored, so a crash (or a missing font) leaves the event to be
 * delivered again; the trigger key makes that second delivery find the document instead of making two.
 */
@Component
class PetitionDocumentListener {

    private final Documents documents;
    private final PetitionQueries petitions;
    private final DocumentSettings settings;

    PetitionDocumentListener(Documents documents, PetitionQueries petitions, DocumentSettings settings) {
        this.documents = documents;
        this.petitions = petitions;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(PetitionEvent event) {
        if (!settings.generateOnEvents()) {
            return;
        }
        Instant stepAt = at(event);
        String key = event.petitionId() + ":" + stepAt.toEpochMilli();
        if (event instanceof PetitionEvent.Registered e) {
            documents.generateForStep(e.petitionId(), DocumentKind.REGISTRATION_FORM, e.receivingUnitId(), null, stepAt,
                    "REGISTRATION_FORM:" + key);
            if (e.status() == PetitionStatus.NOT_RE_ACCEPTED) {
                documents.generateForStep(e.petitionId(), DocumentKind.NOT_RE_ACCEPTED_NOTICE, e.receivingUnitId(), null, stepAt,
                        "NOT_RE_ACCEPTED_NOTICE:" + key);
            }
        } else if (event instanceof PetitionEvent.Routed e) {
            if (e.mode() != RouteMode.GUIDE_TO_LEGAL_CHANNEL) {
                DocumentKind kind = e.mode() == RouteMode.ASSIGN ? DocumentKind.ASSIGNMENT_SLIP : DocumentKind.FORWARDING_SLIP;
                documents.generateForStep(e.petitionId(), kind, e.fromUnitId(), e.toUnitId(), stepAt, kind.name() + ":" + key);
            }
        } else if (event instanceof PetitionEvent.Accepted e) {
            documents.generateForStep(e.petitionId(), DocumentKind.ACCEPTANCE_NOTICE, e.unitId(), null, stepAt,
                    "ACCEPTANCE_NOTICE:" + key);
        } else if (event instanceof PetitionEvent.Declined e) {
            documents.generateForStep(e.petitionId(), DocumentKind.NOT_ACCEPTED_NOTICE, e.unitId(), null, stepAt,
                    "NOT_ACCEPTED_NOTICE:" + key);
        } else if (event instanceof PetitionEvent.Extended e) {
            documents.generateForStep(e.petitionId(), DocumentKind.EXTENSION_NOTICE, e.unitId(), null, stepAt,
                    "EXTENSION_NOTICE:" + key);
        } else if (event instanceof PetitionEvent.ReplyIssued e) {
            documents.generateForStep(e.petitionId(), DocumentKind.REPLY_OPINION, e.unitId(), null, stepAt, "REPLY_OPINION:" + key);
            // 交办 asks the handling organ for a 办结报告 to the organ that assigned the matter
            var c = petitions.forSystem(e.petitionId(), "判断是否需要办结报告");
            if ("ASSIGN".equals(c.routeMode())) {
                documents.generateForStep(e.petitionId(), DocumentKind.COMPLETION_REPORT, e.unitId(), c.receivingUnit().id(), stepAt,
                        "COMPLETION_REPORT:" + key);
            }
        } else if (event instanceof PetitionEvent.ReviewAnswered e) {
            DocumentKind kind = e.stage() == 1 ? DocumentKind.REVIEW_OPINION : DocumentKind.RECHECK_OPINION;
            documents.generateForStep(e.petitionId(), kind, e.reviewUnitId(), null, stepAt, kind.name() + ":" + key);
        }
        // returns, ratings, review requests and closures have no document of their own
    }

    private static Instant at(PetitionEvent event) {
        if (event instanceof PetitionEvent.Registered e) {
            return e.receivedAt();
        } else if (event instanceof PetitionEvent.Routed e) {
            return e.at();
        } else if (event instanceof PetitionEvent.Accepted e) {
            return e.at();
        } else if (event instanceof PetitionEvent.Declined e) {
            return e.at();
        } else if (event instanceof PetitionEvent.Extended e) {
            return e.at();
        } else if (event instanceof PetitionEvent.ReplyIssued e) {
            return e.at();
        } else if (event instanceof PetitionEvent.ReviewAnswered e) {
            return e.at();
        }
        return Instant.EPOCH;
    }
}
