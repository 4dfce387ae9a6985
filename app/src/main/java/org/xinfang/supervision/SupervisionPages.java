package org.xinfang.supervision;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Units;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * The supervision pages of the workbench: the queue ({@code /supervision}), the 督办单 form and page, the
 * leader's dashboard ({@code /leader}), the supervision panel of a case page, instructions, the bulletin,
 * 约谈, 联席会议 and the 意见箱 queue. Thin: each form posts to one use case; a refused form is shown again
 * with the fields' messages.
 */
@Controller
class SupervisionPages {

    private final Suggestions suggestions;
    private final SupervisionOrders orders;
    private final CaseOwnerships ownerships;
    private final Instructions instructions;
    private final Bulletins bulletins;
    private final Interviews interviews;
    private final JointConference conference;
    private final FeedbackBox feedback;
    private final CaseFiles cases;
    private final Units units;
    private final MessageSource messages;

    SupervisionPages(Suggestions suggestions, SupervisionOrders orders, CaseOwnerships ownerships,
            Instructions instructions, Bulletins bulletins, Interviews interviews, JointConference conference,
            FeedbackBox feedback, CaseFiles cases, Units units, MessageSource messages) {
        this.suggestions = suggestions;
        this.orders = orders;
        this.ownerships = ownerships;
        this.instructions = instructions;
        this.bulletins = bulletins;
        this.interviews = interviews;
        this.conference = conference;
        this.feedback = feedback;
        this.cases = cases;
        this.units = units;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- the queue

    @GetMapping("/supervision")
    String queue(Model model) {
        StaffUser me = CurrentStaff.require();
        if (me.has(Role.SUPERVISOR)) {
            model.addAttribute("suggestions", suggestions.open(me));
            model.addAttribute("orders", orders.forSupervisor(null, me).stream()
                    .filter(o -> o.state().equals("OPEN") || o.state().equals("RESPONDED")).toList());
        } else {
            model.addAttribute("orders", orders.forUnit(me));
            model.addAttribute("instructions", instructions.forUnit(me));
        }
        return "supervision/queue";
    }

    @PostMapping("/supervision/suggestions/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        try {
            suggestions.dismiss(id, reason, CurrentStaff.require());
            return "redirect:/supervision";
        } catch (InvalidInputException e) {
            model.addAttribute("dismissErrors", Map.of(id, String.join(" ", fieldErrors(e).values())));
            return queue(model);
        }
    }

    // ---------------------------------------------------------------- 督办单

    @GetMapping("/supervision/orders/new")
    String newOrder(@RequestParam(required = false) String number, @RequestParam(required = false) Long suggestion,
            Model model) {
        StaffUser me = CurrentStaff.require();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("number", number == null ? "" : number);
        form.put("method", SupervisionMethod.ONLINE.name());
        if (suggestion != null) {
            SupervisionViews.Suggestion s = suggestions.get(suggestion, me);
            form.put("number", s.number());
            form.put("reason", s.trigger().name());
            form.put("suggestionId", Long.toString(suggestion));
            model.addAttribute("suggestion", s);
        }
        return orderForm(form, Map.of(), null, model);
    }

    @PostMapping("/supervision/orders")
    String issue(@RequestParam Map<String, String> form, Model model) {
        Long suggestionId = form.get("suggestionId") == null || form.get("suggestionId").isBlank() ? null
                : Long.valueOf(form.get("suggestionId"));
        try {
            SupervisionViews.Order o = orders.issue(new SupervisionOrders.IssueOrder(form.get("number"), form.get("method"),
                    form.get("reason"), form.get("requirement"), form.get("dueDate"), suggestionId), CurrentStaff.require());
            return "redirect:/supervision/orders/" + o.id();
        } catch (InvalidInputException e) {
            return orderForm(form, fieldErrors(e), null, model);
        } catch (RuleViolationException | NotFoundException e) {
            return orderForm(form, Map.of(), e instanceof RuleViolationException r ? text(r.messageKey(), r.args())
                    : text(((NotFoundException) e).messageKey()), model);
        }
    }

    private String orderForm(Map<String, String> form, Map<String, String> errors, String message, Model model) {
        StaffUser me = CurrentStaff.require();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("methods", SupervisionMethod.values());
        model.addAttribute("reasons", SupervisionReason.values());
        model.addAttribute("today", cases.today());
        String number = form.get("number");
        if (number != null && !number.isBlank() && !model.containsAttribute("petition")) {
            try {
                model.addAttribute("petition", cases.visible(number, me));
            } catch (NotFoundException e) {
                // the number field says so when the form is sent
            }
        }
        return "supervision/order-form";
    }

    @GetMapping("/supervision/orders/{id}")
    String order(@PathVariable long id, Model model) {
        return orderPage(id, null, Map.of(), Map.of(), model);
    }

    @PostMapping("/supervision/orders/{id}/{step}")
    String orderStep(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form, Model model) {
        StaffUser me = CurrentStaff.require();
        try {
            switch (step) {
                case "response" -> orders.respond(id, form.get("response"), me);
                case "close" -> orders.close(id, form.get("note"), me);
                case "escalate" -> {
                    return "redirect:/supervision/orders/" + orders.escalate(id, form.get("requirement"), form.get("dueDate"), me).id();
                }
                default -> throw new NotFoundException("supervision.order.notFound");
            }
            return "redirect:/supervision/orders/" + id;
        } catch (InvalidInputException e) {
            return orderPage(id, step, fieldErrors(e), form, model);
        } catch (RuleViolationException e) {
            model.addAttribute("message", text(e.messageKey(), e.args()));
            return orderPage(id, step, Map.of(), form, model);
        }
    }

    private String orderPage(long id, String failedStep, Map<String, String> errors, Map<String, String> form, Model model) {
        StaffUser me = CurrentStaff.require();
        SupervisionViews.Order o = orders.get(id, me);
        model.addAttribute("o", o);
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("today", cases.today());
        model.addAttribute("canRespond", o.state().equals("OPEN") && o.unitId() == me.unitId()
                && me.hasAny(Role.HANDLER, Role.APPROVER));
        model.addAttribute("canClose", o.state().equals("RESPONDED") && me.has(Role.SUPERVISOR));
        model.addAttribute("canEscalate", (o.state().equals("OPEN") || o.state().equals("RESPONDED"))
                && me.has(Role.SUPERVISOR));
        return "supervision/order";
    }

    // ---------------------------------------------------------------- the leader

    @GetMapping("/leader")
    String leader(Model model) {
        StaffUser me = CurrentStaff.require();
        model.addAttribute("owned", ownerships.ownedBy(me));
        model.addAttribute("instructions", instructions.writtenBy(me));
        return "supervision/leader";
    }

    @PostMapping("/supervision/ownerships/{id}/notes")
    String note(@PathVariable long id, @RequestParam(required = false) String text,
            @RequestParam(required = false) String back) {
        SupervisionViews.Ownership o = ownerships.addNote(id, text, CurrentStaff.require());
        return "redirect:" + ("leader".equals(back) ? "/leader" : "/cases/" + o.number());
    }

    // ---------------------------------------------------------------- the panel on the case page

    /** The supervision section of a case page, loaded by htmx; nothing for a user who may not see the case. */
    @GetMapping("/supervision/cases/{number}/panel")
    String panel(@PathVariable String number, Model model) {
        StaffUser me = CurrentStaff.require();
        PetitionViews.Detail d = cases.visible(number, me);
        model.addAttribute("c", d);
        model.addAttribute("owner", ownerships.ownerOf(d.number()).orElse(null));
        model.addAttribute("orders", orders.ofCase(d.number(), me));
        model.addAttribute("instructions", instructions.ofCase(d.number()));
        model.addAttribute("referrals", conference.ofCase(d.number()));
        model.addAttribute("today", cases.today());
        return "supervision/case-panel :: panel";
    }

    @PostMapping("/supervision/cases/{number}/ownership")
    String take(@PathVariable String number, @RequestParam Map<String, String> form, Model model) {
        return caseStep(number, () -> ownerships.take(number, form.get("plan"), form.get("measures"), form.get("dueDate"),
                CurrentStaff.require()));
    }

    @PostMapping("/supervision/cases/{number}/instructions")
    String instruct(@PathVariable String number, @RequestParam Map<String, String> form) {
        return caseStep(number, () -> instructions.write(number, form.get("text"), form.get("dueDate"),
                CurrentStaff.require()));
    }

    @PostMapping("/supervision/cases/{number}/conference")
    String refer(@PathVariable String number, @RequestParam Map<String, String> form) {
        return caseStep(number, () -> conference.refer(number, form.get("reason"), CurrentStaff.require()));
    }

    /** A step from the case page: back to the case, or a page naming what to correct. */
    private String caseStep(String number, Runnable step) {
        step.run();
        return "redirect:/cases/" + number + "#supervision";
    }

    // ---------------------------------------------------------------- 批示

    @GetMapping("/supervision/instructions/{id}")
    String instruction(@PathVariable long id, Model model) {
        StaffUser me = CurrentStaff.require();
        SupervisionViews.Instruction i = instructions.get(id, me);
        model.addAttribute("i", i);
        model.addAttribute("canReport", i.state().equals("OPEN") && i.unitId() == me.unitId()
                && me.hasAny(Role.HANDLER, Role.APPROVER));
        model.addAttribute("canConfirm", i.state().equals("REPORTED") && i.leaderId() == me.id());
        return "supervision/instruction";
    }

    @PostMapping("/supervision/instructions/{id}/report")
    String report(@PathVariable long id, @RequestParam(required = false) String report) {
        instructions.report(id, report, CurrentStaff.require());
        return "redirect:/supervision/instructions/" + id;
    }

    @PostMapping("/supervision/instructions/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "true") boolean accept) {
        instructions.confirm(id, accept, CurrentStaff.require());
        return "redirect:/supervision/instructions/" + id;
    }

    // ---------------------------------------------------------------- 通报, 约谈, 联席会议, 意见箱

    @GetMapping("/supervision/bulletin")
    String bulletin(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        java.time.LocalDate today = cases.today();
        String start = from == null || from.isBlank() ? today.withDayOfMonth(1).toString() : from;
        String end = to == null || to.isBlank() ? today.toString() : to;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            model.addAttribute("bulletin", bulletins.generate(start, end, CurrentStaff.require()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", fieldErrors(e));
        }
        return "supervision/bulletin";
    }

    @GetMapping("/supervision/interviews")
    String interviews(Model model) {
        return interviewsPage(Map.of(), Map.of(), model);
    }

    @PostMapping("/supervision/interviews")
    String recordInterview(@RequestParam Map<String, String> form, Model model) {
        Long unitId = form.get("unitId") == null || form.get("unitId").isBlank() ? null : Long.valueOf(form.get("unitId"));
        try {
            interviews.record(new Interviews.NewInterview(unitId, form.get("interviewee"), form.get("reason"),
                    form.get("commitments"), form.get("heldOn"), form.get("followUpOn"), form.get("petitionNumber")),
                    CurrentStaff.require());
            return "redirect:/supervision/interviews";
        } catch (InvalidInputException e) {
            return interviewsPage(form, fieldErrors(e), model);
        }
    }

    private String interviewsPage(Map<String, String> form, Map<String, String> errors, Model model) {
        StaffUser me = CurrentStaff.require();
        model.addAttribute("interviews", interviews.list(me));
        model.addAttribute("units", units.visibleTree(me).stream().filter(u -> !u.isTerritory() || u.level()
                .ordinal() <= org.xinfang.organization.UnitLevel.DISTRICT.ordinal()).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", cases.today());
        return "supervision/interviews";
    }

    @GetMapping("/supervision/conferences")
    String conferences(Model model) {
        model.addAttribute("referrals", conference.list(CurrentStaff.require()));
        return "supervision/conferences";
    }

    @GetMapping("/supervision/conferences/{id}")
    String referral(@PathVariable long id, Model model) {
        return referralPage(id, Map.of(), Map.of(), model);
    }

    @PostMapping("/supervision/conferences/{id}/decision")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Long lead = form.get("leadUnitId") == null || form.get("leadUnitId").isBlank() ? null
                : Long.valueOf(form.get("leadUnitId"));
        try {
            conference.decide(id, new JointConference.Decision(form.get("meetingDate"), form.get("participants"),
                    form.get("decision"), lead, form.get("dueDate")), CurrentStaff.require());
            return "redirect:/supervision/conferences/" + id;
        } catch (InvalidInputException e) {
            return referralPage(id, form, fieldErrors(e), model);
        }
    }

    @PostMapping("/supervision/conferences/{id}/follow")
    String follow(@PathVariable long id) {
        conference.follow(id, CurrentStaff.require());
        return "redirect:/supervision/conferences/" + id;
    }

    private String referralPage(long id, Map<String, String> form, Map<String, String> errors, Model model) {
        StaffUser me = CurrentStaff.require();
        SupervisionViews.ConferenceReferral r = conference.get(id, me);
        model.addAttribute("r", r);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", units.visibleTree(me).stream().filter(u -> !u.isTerritory()
                || u.level().ordinal() <= org.xinfang.organization.UnitLevel.DISTRICT.ordinal()).toList());
        model.addAttribute("canDecide", r.state().equals("REFERRED") && me.hasAny(Role.SUPERVISOR, Role.CLERK));
        model.addAttribute("canFollow", r.state().equals("AWAITING_ROUTE") && me.has(Role.CLERK));
        model.addAttribute("today", cases.today());
        return "supervision/conference";
    }

    @GetMapping("/supervision/feedback")
    String feedbackQueue(Model model) {
        model.addAttribute("reports", feedback.queue(CurrentStaff.require()));
        return "supervision/feedback";
    }

    @GetMapping("/supervision/feedback/{id}")
    String feedbackItem(@PathVariable long id, Model model) {
        model.addAttribute("f", feedback.get(id, CurrentStaff.require()));
        return "supervision/feedback-item";
    }

    @PostMapping("/supervision/feedback/{id}/close")
    String closeFeedback(@PathVariable long id, @RequestParam(required = false) String conclusion) {
        feedback.close(id, conclusion, CurrentStaff.require());
        return "redirect:/supervision/feedback/" + id;
    }

    // ---------------------------------------------------------------- failures as pages

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text(e.messageKey()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, text("problem.forbidden"));
    }

    @ExceptionHandler(RuleViolationException.class)
    ModelAndView conflict(RuleViolationException e) {
        return problem(HttpStatus.CONFLICT, text(e.messageKey(), e.args()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView badInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, String.join(" ", fieldErrors(e).entrySet().stream()
                .map(x -> text("supervision.field." + x.getKey()) + "：" + x.getValue()).toList()));
    }

    private ModelAndView problem(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("staff", CurrentStaff.get().orElse(null));
        return page;
    }

    private Map<String, String> fieldErrors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            String message = p.messageKey() != null ? text(p.messageKey(), p.args())
                    : "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? p.english() : p.chinese();
            errors.merge(p.field(), message, (a, b) -> a + " " + b);
        }
        return errors;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
