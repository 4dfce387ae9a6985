package org.xinfang.workbench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.DeclineGround;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionStep;
import org.xinfang.petition.PetitionType;
import org.xinfang.petition.PetitionViews;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.routing.RouteMode;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 案件页: one petition in full (the read is audited and masked by role in {@link PetitionQueries}),
 * its clocks, timeline and linked repeats, and a small form for each step the user may take now —
 * exactly {@link PetitionQueries#allowedSteps}. A refused step comes back on the same page with the
 * reason next to the form, in Chinese.
 */
@Controller
class CaseController extends WorkbenchPage {

    /** How a written reply reached the petitioner (送达方式). */
    static final List<String> DELIVERY_METHODS = List.of("IN_PERSON", "POST", "ELECTRONIC", "LEFT");

    private static final int MAX_TEXT = 20_000;
    private static final int MAX_NOTE = 2_000;

    /** A group of route targets: a territory and the units serving it. */
    record UnitGroup(String name, List<Unit> units) {
    }

    private final PetitionQueries queries;
    private final PetitionLifecycle lifecycle;
    private final Units units;
    private final RegionNames regions;
    private final Clock clock;
    private final int warnDays;

    CaseController(PetitionQueries queries, PetitionLifecycle lifecycle, Units units, RegionNames regions, Clock clock,
            @Value("${xinfang.deadline.warn-days-before:3}") int warnDays) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.units = units;
        this.regions = regions;
        this.clock = clock;
        this.warnDays = warnDays;
    }

    @GetMapping("/cases/{number}")
    String show(@PathVariable String number, Model model) {
        return page(number, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/cases/{number}/{step}")
    String act(@PathVariable String number, @PathVariable String step, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        StaffUser user = CurrentStaff.require();
        PetitionStep which = stepOf(step);
        try {
            take(which, number, form, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(number, model, which, text().fieldErrors(e), text().get("case.failed"), form);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(number, model, which, Map.of(), text().of(e), form);
        } catch (AccessDeniedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return page(number, model, which, Map.of(), text().get("error.forbidden"), form);
        }
        redirect.addFlashAttribute("done", text().get("case.done", text().get("step." + which.name())));
        return "redirect:/cases/" + number;
    }

    private void take(PetitionStep step, String number, Map<String, String> form, StaffUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (step) {
            case ROUTE -> {
                RouteMode mode = choice(problems, form, "mode", RouteMode.class);
                Long unitId = number(problems, form, "unitId", true);
                LocalDate feedback = date(problems, form, "feedbackDueAt");
                check(problems);
                lifecycle.route(number, mode, unitId, mode == RouteMode.ASSIGN ? feedback : null, user);
            }
            case ACCEPT, ACCEPT_SIMPLIFIED -> lifecycle.accept(number,
                    step == PetitionStep.ACCEPT_SIMPLIFIED || "true".equals(form.get("simplified")), user);
            case DECLINE -> {
                DeclineGround ground = choice(problems, form, "ground", DeclineGround.class);
                String note = text(problems, form, "note", false, 0, MAX_NOTE);
                check(problems);
                lifecycle.decline(number, ground, note, user);
            }
            case RETURN -> {
                String reason = text(problems, form, "reason", true, 0, MAX_NOTE);
                check(problems);
                lifecycle.returnAsMisrouted(number, reason, user);
            }
            case EXTEND -> {
                Long days = number(problems, form, "days", true);
                String reason = text(problems, form, "reason", true, 0, MAX_NOTE);
                if (days != null && (days < 1 || days > 30)) {
                    problems.add(FieldProblem.of("days", "rule.extend.max", 30));
                }
                check(problems);
                lifecycle.extend(number, days.intValue(), reason, user);
            }
            case REPLY -> {
                Outcome outcome = choice(problems, form, "outcome", Outcome.class);
                String reply = text(problems, form, "text", true, 10, MAX_TEXT);
                check(problems);
                lifecycle.reply(number, outcome, reply, user);
            }
            case APPROVE -> {
                String decision = form.get("decision");
                if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
                    problems.add(FieldProblem.of("decision", "validation.required"));
                }
                String note = text(problems, form, "note", "REJECT".equals(decision), 0, MAX_NOTE);
                check(problems);
                lifecycle.approve(number, "APPROVE".equals(decision), note, user);
            }
            case DELIVER -> {
                String method = form.get("method");
                if (method == null || !DELIVERY_METHODS.contains(method)) {
                    problems.add(FieldProblem.of("method", "validation.required"));
                }
                LocalDate on = date(problems, form, "deliveredAt");
                if (on == null && !problems.stream().anyMatch(p -> p.field().equals("deliveredAt"))) {
                    problems.add(FieldProblem.of("deliveredAt", "validation.required"));
                }
                check(problems);
                lifecycle.recordDelivery(number, text().get("form.method." + method), instantOf(on), user);
            }
            case ANSWER_REVIEW -> {
                ReviewOutcome outcome = choice(problems, form, "outcome", ReviewOutcome.class);
                String opinion = text(problems, form, "text", true, 10, MAX_TEXT);
                check(problems);
                lifecycle.answerReview(number, outcome, opinion, user);
            }
        }
    }

    /** A delivery date: today means now; an earlier day counts from its noon, never in the future. */
    private Instant instantOf(LocalDate day) {
        Instant now = clock.instant();
        if (!day.isBefore(LocalDate.ofInstant(now, ChinaTime.ZONE))) {
            return day.isAfter(LocalDate.ofInstant(now, ChinaTime.ZONE)) ? day.atStartOfDay(ChinaTime.ZONE).toInstant() : now;
        }
        return day.atTime(LocalTime.NOON).atZone(ChinaTime.ZONE).toInstant();
    }

    private String page(String number, Model model, PetitionStep failedStep, Map<String, String> errors, String message,
            Map<String, String> form) {
        StaffUser user = CurrentStaff.require();
        PetitionViews.Detail detail = queries.detail(number, user);
        Set<PetitionStep> steps = queries.allowedSteps(detail, user);
        model.addAttribute("c", detail);
        model.addAttribute("steps", steps);
        model.addAttribute("repeats", queries.repeatsOf(detail.id(), user));
        model.addAttribute("regionNames", regions.names());
        model.addAttribute("warnDays", warnDays);
        model.addAttribute("failedStep", failedStep == null ? null : failedStep.name());
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("form", form);
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE));
        if (steps.contains(PetitionStep.ROUTE)) {
            model.addAttribute("routeModes", RouteMode.values());
            model.addAttribute("routeGroups", routeTargets(user));
        }
        model.addAttribute("declineGrounds", DeclineGround.values());
        PetitionType type = PetitionType.valueOf(detail.type());
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (type.allows(o)) {
                outcomes.add(o);
            }
        }
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("reviewOutcomes", ReviewOutcome.values());
        model.addAttribute("deliveryMethods", DELIVERY_METHODS);
        return "case";
    }

    /** The units a clerk may route to, grouped by the territory they serve, own unit left out. */
    private List<UnitGroup> routeTargets(StaffUser user) {
        List<Unit> visible = units.visibleTree(user);
        Map<Long, Unit> byId = new LinkedHashMap<>();
        visible.forEach(u -> byId.put(u.id(), u));
        Map<Long, UnitGroup> groups = new LinkedHashMap<>();
        for (Unit u : visible) {
            if (u.id() == user.unitId()) {
                continue;
            }
            Unit territory = u.isTerritory() || u.parentId() == null ? u : byId.getOrDefault(u.parentId(), u);
            groups.computeIfAbsent(territory.id(), id -> new UnitGroup(territory.name(), new ArrayList<>())).units().add(u);
        }
        return new ArrayList<>(groups.values());
    }

    private static PetitionStep stepOf(String path) {
        for (PetitionStep s : PetitionStep.values()) {
            if (s.name().replace('_', '-').equalsIgnoreCase(path)) {
                return s;
            }
        }
        throw new org.xinfang.shared.NotFoundException("petition.notFound");
    }

    // ---- reading the small forms; each problem is named after its input

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static <E extends Enum<E>> E choice(List<FieldProblem> problems, Map<String, String> form, String field,
            Class<E> type) {
        String value = form.get(field);
        for (E e : EnumSet.allOf(type)) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        problems.add(FieldProblem.of(field, "validation.required"));
        return null;
    }

    private static Long number(List<FieldProblem> problems, Map<String, String> form, String field, boolean required) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "validation.required"));
            }
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "problem.field.type"));
            return null;
        }
    }

    private static LocalDate date(List<FieldProblem> problems, Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "problem.field.type"));
            return null;
        }
    }

    private static String text(List<FieldProblem> problems, Map<String, String> form, String field, boolean required,
            int min, int max) {
        String value = form.get(field) == null ? "" : form.get(field).strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.of(field, "validation.required"));
            }
            return value.isEmpty() && !required ? null : value;
        }
        if (value.length() < min) {
            problems.add(FieldProblem.of(field, "validation.tooShort", min));
        } else if (value.length() > max) {
            problems.add(FieldProblem.of(field, "validation.tooLong", max));
        }
        return value;
    }
}
