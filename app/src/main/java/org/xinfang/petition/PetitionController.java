package org.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.routing.RouteMode;
import org.xinfang.shared.ChinaTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The staff API of a petition: the full view, work lists, and one endpoint per lawful step. */
@RestController
@RequestMapping("/api/v1/petitions")
class PetitionController {

    record RouteRequest(@NotNull RouteMode mode, @NotNull Long unitId, OffsetDateTime feedbackDueAt) {
    }

    record AcceptRequest(Boolean simplified) {
    }

    record DeclineRequest(@NotNull DeclineGround ground, @Size(max = 2000) String note) {
    }

    record ReturnRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ExtendRequest(@NotNull @Min(1) @Max(30) Integer days, @NotBlank @Size(max = 2000) String reason) {
    }

    record ReplyRequest(@NotNull Outcome outcome, @NotBlank @Size(min = 10, max = 20000) String text) {
    }

    record ApproveRequest(@NotNull @Pattern(regexp = "APPROVE|REJECT") String decision, @Size(max = 2000) String note) {
    }

    record DeliveryRequest(@NotBlank @Size(max = 40) String method, OffsetDateTime deliveredAt) {
    }

    record ReviewAnswerRequest(@NotNull ReviewOutcome outcome, @NotBlank @Size(min = 10, max = 20000) String text) {
    }

    private final PetitionLifecycle lifecycle;
    private final PetitionQueries queries;

    PetitionController(PetitionLifecycle lifecycle, PetitionQueries queries) {
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    @GetMapping
    PetitionViews.Page list(@RequestParam(required = false) PetitionStatus status,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.list(new PetitionQueries.Filter(status, unitId, overdue, q, page, size), CurrentStaff.require());
    }

    @GetMapping("/{number}")
    PetitionViews.Detail detail(@PathVariable @Size(max = 40) String number) {
        return queries.detail(number, CurrentStaff.require());
    }

    @PostMapping("/{number}/route")
    ResponseEntity<PetitionViews.Detail> route(@PathVariable String number, @Valid @RequestBody RouteRequest r) {
        LocalDate due = r.feedbackDueAt() == null ? null : r.feedbackDueAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        lifecycle.route(number, r.mode(), r.unitId(), due, CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/accept")
    ResponseEntity<PetitionViews.Detail> accept(@PathVariable String number, @RequestBody(required = false) AcceptRequest r) {
        lifecycle.accept(number, r != null && Boolean.TRUE.equals(r.simplified()), CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/decline")
    ResponseEntity<PetitionViews.Detail> decline(@PathVariable String number, @Valid @RequestBody DeclineRequest r) {
        lifecycle.decline(number, r.ground(), r.note(), CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/return")
    ResponseEntity<PetitionViews.Detail> returnIt(@PathVariable String number, @Valid @RequestBody ReturnRequest r) {
        lifecycle.returnAsMisrouted(number, r.reason(), CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/extend")
    ResponseEntity<PetitionViews.Detail> extend(@PathVariable String number, @Valid @RequestBody ExtendRequest r) {
        lifecycle.extend(number, r.days(), r.reason(), CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/reply")
    ResponseEntity<PetitionViews.Detail> reply(@PathVariable String number, @Valid @RequestBody ReplyRequest r) {
        lifecycle.reply(number, r.outcome(), r.text(), CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/approve")
    ResponseEntity<PetitionViews.Detail> approve(@PathVariable String number, @Valid @RequestBody ApproveRequest r) {
        lifecycle.approve(number, "APPROVE".equals(r.decision()), r.note(), CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/delivery")
    ResponseEntity<PetitionViews.Detail> delivery(@PathVariable String number, @Valid @RequestBody DeliveryRequest r) {
        Instant on = r.deliveredAt() == null ? null : r.deliveredAt().toInstant();
        lifecycle.recordDelivery(number, r.method(), on, CurrentStaff.require());
        return view(number);
    }

    @PostMapping("/{number}/review-answer")
    ResponseEntity<PetitionViews.Detail> reviewAnswer(@PathVariable String number, @Valid @RequestBody ReviewAnswerRequest r) {
        lifecycle.answerReview(number, r.outcome(), r.text(), CurrentStaff.require());
        return view(number);
    }

    private ResponseEntity<PetitionViews.Detail> view(String number) {
        return ResponseEntity.ok(queries.detail(number, CurrentStaff.require()));
    }
}
