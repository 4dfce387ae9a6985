package org.xinfang.petition;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.shared.NotFoundException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the petitioner may do with number + 查询码 and no account: track, rate, ask for 复查/复核. A wrong
 * code and an unknown number get the same 404, so numbers cannot be probed.
 */
@RestController
@RequestMapping("/api/v1/public/petitions/{number}")
class PublicPetitionController {

    record RatingRequest(@NotBlank @Size(max = 32) String queryCode, @NotNull Rating rating,
            @Size(max = 2000) String comment) {
    }

    record ReviewRequest(@NotBlank @Size(max = 32) String queryCode, @NotBlank @Size(max = 5000) String reason) {
    }

    private final PetitionLifecycle lifecycle;
    private final PetitionQueries queries;

    PublicPetitionController(PetitionLifecycle lifecycle, PetitionQueries queries) {
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    @GetMapping
    PetitionViews.PublicView track(@PathVariable @Size(max = 40) String number,
            @RequestParam(required = false) @Size(max = 32) String queryCode) {
        if (!lifecycle.codeMatches(number, queryCode)) {
            throw new NotFoundException("petition.notFound");
        }
        return queries.publicView(number);
    }

    @PostMapping("/rating")
    PetitionViews.PublicView rate(@PathVariable String number, @Valid @RequestBody RatingRequest r) {
        lifecycle.rate(number, r.queryCode(), r.rating(), r.comment());
        return queries.publicView(number);
    }

    @PostMapping("/review-requests")
    ResponseEntity<PetitionViews.PublicView> requestReview(@PathVariable String number, @Valid @RequestBody ReviewRequest r) {
        lifecycle.requestReview(number, r.queryCode(), r.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.publicView(number));
    }
}
