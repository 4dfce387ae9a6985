package org.xinfang.supervision;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;

/**
 * REST for supervision under {@code /api/v1/supervision}: thin, each call one use case. Roles are checked
 * by URL in the security configuration and again by the use cases, which also apply the organisation scope.
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApi {

    record Text(String text) {
    }

    record Reason(String reason) {
    }

    record Note(String note) {
    }

    record Response(String response) {
    }

    record Escalation(String requirement, String dueDate) {
    }

    record OwnershipRequest(String number, String plan, String measures, String dueDate) {
    }

    record InstructionRequest(String number, String text, String dueDate) {
    }

    record Report(String report) {
    }

    record Confirmation(Boolean accept) {
    }

    record Referral(String number, String reason) {
    }

    record Conclusion(String conclusion) {
    }

    private final Suggestions suggestions;
    private final SupervisionOrders orders;
    private final CaseOwnerships ownerships;
    private final Instructions instructions;
    private final Bulletins bulletins;
    private final Interviews interviews;
    private final JointConference conference;
    private final FeedbackBox feedback;

    SupervisionApi(Suggestions suggestions, SupervisionOrders orders, CaseOwnerships ownerships,
            Instructions instructions, Bulletins bulletins, Interviews interviews, JointConference conference,
            FeedbackBox feedback) {
        this.suggestions = suggestions;
        this.orders = orders;
        this.ownerships = ownerships;
        this.instructions = instructions;
        this.bulletins = bulletins;
        this.interviews = interviews;
        this.conference = conference;
        this.feedback = feedback;
    }

    private static StaffUser me() {
        return CurrentStaff.require();
    }

    // ---------------------------------------------------------------- suggestions and orders

    @GetMapping("/suggestions")
    List<SupervisionViews.Suggestion> suggestions() {
        return suggestions.open(me());
    }

    @PostMapping("/suggestions/{id}/dismiss")
    SupervisionViews.Suggestion dismiss(@PathVariable long id, @RequestBody Reason body) {
        return suggestions.dismiss(id, body.reason(), me());
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionViews.Order issue(@RequestBody SupervisionOrders.IssueOrder body) {
        return orders.issue(body, me());
    }

    /** A supervisor's orders within scope ({@code state} optional); a unit's, the orders addressed to it. */
    @GetMapping("/orders")
    List<SupervisionViews.Order> orders(@RequestParam(required = false) String state) {
        StaffUser me = me();
        return me.has(Role.SUPERVISOR) ? orders.forSupervisor(state, me) : orders.forUnit(me);
    }

    @GetMapping("/orders/{id}")
    SupervisionViews.Order order(@PathVariable long id) {
        return orders.get(id, me());
    }

    @PostMapping("/orders/{id}/response")
    SupervisionViews.Order respond(@PathVariable long id, @RequestBody Response body) {
        return orders.respond(id, body.response(), me());
    }

    @PostMapping("/orders/{id}/close")
    SupervisionViews.Order close(@PathVariable long id, @RequestBody Note body) {
        return orders.close(id, body.note(), me());
    }

    @PostMapping("/orders/{id}/escalate")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionViews.Order escalate(@PathVariable long id, @RequestBody Escalation body) {
        return orders.escalate(id, body.requirement(), body.dueDate(), me());
    }

    // ---------------------------------------------------------------- 领导包案 and 批示

    @PostMapping("/ownerships")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionViews.Ownership take(@RequestBody OwnershipRequest body) {
        return ownerships.take(body.number(), body.plan(), body.measures(), body.dueDate(), me());
    }

    /** The leader's dashboard: owned cases, overdue first, with working days left. */
    @GetMapping("/ownerships")
    List<SupervisionViews.Ownership> owned() {
        return ownerships.ownedBy(me());
    }

    @GetMapping("/ownerships/{id}")
    SupervisionViews.Ownership ownership(@PathVariable long id) {
        return ownerships.get(id, me());
    }

    @PostMapping("/ownerships/{id}/notes")
    SupervisionViews.Ownership note(@PathVariable long id, @RequestBody Text body) {
        return ownerships.addNote(id, body.text(), me());
    }

    @PostMapping("/ownerships/{id}/end")
    SupervisionViews.Ownership end(@PathVariable long id, @RequestBody Note body) {
        return ownerships.end(id, body.note(), me());
    }

    @PostMapping("/instructions")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionViews.Instruction instruct(@RequestBody InstructionRequest body) {
        return instructions.write(body.number(), body.text(), body.dueDate(), me());
    }

    /** A leader's own instructions; a unit's, those addressed to it. */
    @GetMapping("/instructions")
    List<SupervisionViews.Instruction> instructions() {
        StaffUser me = me();
        return me.has(Role.LEADER) ? instructions.writtenBy(me) : instructions.forUnit(me);
    }

    @GetMapping("/instructions/{id}")
    SupervisionViews.Instruction instruction(@PathVariable long id) {
        return instructions.get(id, me());
    }

    @PostMapping("/instructions/{id}/report")
    SupervisionViews.Instruction report(@PathVariable long id, @RequestBody Report body) {
        return instructions.report(id, body.report(), me());
    }

    @PostMapping("/instructions/{id}/confirm")
    SupervisionViews.Instruction confirm(@PathVariable long id, @RequestBody Confirmation body) {
        return instructions.confirm(id, body.accept() == null || body.accept(), me());
    }

    // ---------------------------------------------------------------- 通报, 约谈, 联席会议, 意见箱

    @GetMapping("/bulletin")
    SupervisionViews.Bulletin bulletin(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return bulletins.generate(from, to, me());
    }

    @PostMapping("/interviews")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionViews.Interview interview(@RequestBody Interviews.NewInterview body) {
        return interviews.record(body, me());
    }

    @GetMapping("/interviews")
    List<SupervisionViews.Interview> interviews() {
        return interviews.list(me());
    }

    @PostMapping("/conferences")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionViews.ConferenceReferral refer(@RequestBody Referral body) {
        return conference.refer(body.number(), body.reason(), me());
    }

    @GetMapping("/conferences")
    List<SupervisionViews.ConferenceReferral> conferences() {
        return conference.list(me());
    }

    @GetMapping("/conferences/{id}")
    SupervisionViews.ConferenceReferral referral(@PathVariable long id) {
        return conference.get(id, me());
    }

    @PostMapping("/conferences/{id}/decision")
    SupervisionViews.ConferenceReferral decide(@PathVariable long id, @RequestBody JointConference.Decision body) {
        return conference.decide(id, body, me());
    }

    @PostMapping("/conferences/{id}/follow")
    SupervisionViews.ConferenceReferral follow(@PathVariable long id) {
        return conference.follow(id, me());
    }

    @GetMapping("/feedback")
    List<SupervisionViews.Feedback> feedbackQueue() {
        return feedback.queue(me());
    }

    @GetMapping("/feedback/{id}")
    SupervisionViews.Feedback feedback(@PathVariable long id) {
        return feedback.get(id, me());
    }

    @PostMapping("/feedback/{id}/close")
    SupervisionViews.Feedback closeFeedback(@PathVariable long id, @RequestBody Conclusion body) {
        return feedback.close(id, body.conclusion(), me());
    }
}
