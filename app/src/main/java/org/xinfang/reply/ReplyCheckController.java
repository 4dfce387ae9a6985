package org.xinfang.reply;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reply checker: on the draft awaiting approval, or on any text. */
@RestController
class ReplyCheckController {

    record AdHocCheck(PetitionType type, @Size(max = 200) String title, @Size(max = 20000) String content, Outcome outcome,
            @NotBlank @Size(max = 20000) String text, @Min(0) @Max(2) Integer stage, @Size(max = 100) String reviewOrgan,
            @Size(max = 50) String petitionerName) {
    }

    private final ReplyChecker checker;
    private final PendingReplies pending;

    ReplyCheckController(ReplyChecker checker, PendingReplies pending) {
        this.checker = checker;
        this.pending = pending;
    }

    /** Checks the reply awaiting approval (or, if none, the reply issued). */
    @GetMapping("/api/v1/petitions/{number}/reply-check")
    ReplyCheck checkPending(@PathVariable @Size(max = 40) String number) {
        return checker.check(pending.draftOf(number, CurrentStaff.require()));
    }

    @PostMapping("/api/v1/reply-check")
    ReplyCheck check(@Valid @RequestBody AdHocCheck r) {
        return checker.check(new ReplyDraft(r.type(), r.title(), r.content(), r.outcome(), r.text(),
                r.stage() == null ? 0 : r.stage(), r.reviewOrgan(), r.petitionerName()));
    }
}
