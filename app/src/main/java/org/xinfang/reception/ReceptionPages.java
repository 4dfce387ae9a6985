package org.xinfang.reception;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Role;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.PetitionType;
import org.xinfang.reception.ReceptionViews.Booking;
import org.xinfang.reception.ReceptionViews.NewFieldVisit;
import org.xinfang.reception.ReceptionViews.NewRecord;
import org.xinfang.reception.ReceptionViews.NewSlot;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 领导接访 pages of the workbench: the schedule and publishing form, one reception day with its
 * appointments, a clerk's booking form and the reception record form, and the 带案下访 register. A refused
 * form comes back with the reasons beside its fields.
 */
@Controller
class ReceptionPages {

    private final Receptions receptions;
    private final Units units;
    private final Categories categories;
    private final MessageSource messages;

    ReceptionPages(Receptions receptions, Units units, Categories categories, MessageSource messages) {
        this.receptions = receptions;
        this.units = units;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping("/reception")
    String schedule(Model model) {
        return schedulePage(model, Map.of(), Map.of());
    }

    @PostMapping("/reception/slots")
    String publish(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = date(problems, form, "heldOn");
        LocalTime starts = time(problems, form, "startsAt");
        LocalTime ends = time(problems, form, "endsAt");
        Integer capacity = integer(problems, form, "capacity");
        try {
            check(problems);
            long id = receptions.publish(new NewSlot(form.get("leaderName"), form.get("leaderPost"), day, starts, ends,
                    form.get("place"), form.get("topics"), capacity), CurrentStaff.require());
            return "redirect:/reception/slots/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return schedulePage(model, errors(e), form);
        }
    }

    private String schedulePage(Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("slots", receptions.schedule(CurrentStaff.require()));
        model.addAttribute("errors", errors);
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("startsAt", "09:00");
        values.putIfAbsent("endsAt", "11:30");
        values.putIfAbsent("capacity", "10");
        model.addAttribute("form", values);
        return "reception/schedule";
    }

    @GetMapping("/reception/slots/{id}")
    String slot(@PathVariable long id, Model model) {
        return slotPage(id, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/reception/slots/{id}/appointments")
    String book(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(id, "book", form, model, redirect, response, () -> receptions.bookByClerk(id,
                new Booking(form.get("name"), form.get("phone"), form.get("topic")), CurrentStaff.require()).number());
    }

    @PostMapping("/reception/slots/{id}/records")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(id, "record", form, model, redirect, response, () -> receptions.record(id, new NewRecord(
                form.get("appointmentNumber"), form.get("visitorName"), form.get("visitorIdCardNumber"),
                form.get("visitorPhone"), form.get("visitorAddress"), form.get("request"), form.get("decision"),
                form.get("existingPetitionNumber"), form.get("regionCode"), form.get("type"), form.get("category"),
                form.get("title")), form.get("formKey"), CurrentStaff.require()));
    }

    private String step(long id, String which, Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Supplier<String> action) {
        String result;
        try {
            result = action.get();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return slotPage(id, model, which, errors(e), text("rc.failed"), form);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return slotPage(id, model, which, Map.of(), text(e.messageKey(), e.args()), form);
        }
        redirect.addFlashAttribute("done", text("rc.done." + which, result));
        return "redirect:/reception/slots/" + id;
    }

    private String slotPage(long id, Model model, String failedForm, Map<String, String> errors, String failure,
            Map<String, String> form) {
        var user = CurrentStaff.require();
        model.addAttribute("d", receptions.detail(id, user));
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("formKey", UUID.randomUUID().toString());
        values.putIfAbsent("type", PetitionType.APPEAL.name());
        model.addAttribute("form", values);
        model.addAttribute("mayRecord", user.has(Role.CLERK));
        model.addAttribute("types", PetitionType.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("territories", territories());
        return "reception/slot";
    }

    @GetMapping("/reception/visits")
    String visits(Model model) {
        return visitsPage(model, Map.of(), Map.of());
    }

    @PostMapping("/reception/visits")
    String recordVisit(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = date(problems, form, "visitedOn");
        List<String> numbers = form.get("petitionNumbers") == null ? List.of()
                : Arrays.stream(form.get("petitionNumbers").split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
        try {
            check(problems);
            receptions.recordFieldVisit(new NewFieldVisit(form.get("leaderName"), form.get("leaderPost"), day,
                    form.get("regionCode"), form.get("place"), numbers, form.get("outcome")), CurrentStaff.require());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return visitsPage(model, errors(e), form);
        }
        redirect.addFlashAttribute("done", text("rc.done.visit"));
        return "redirect:/reception/visits";
    }

    private String visitsPage(Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("visits", receptions.fieldVisits(CurrentStaff.require()));
        model.addAttribute("errors", errors);
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("visitedOn", LocalDate.now().toString());
        model.addAttribute("form", values);
        model.addAttribute("territories", territories());
        return "reception/visits";
    }

    // ------------------------------------------------------------------ pieces

    /** A territory for the region pickers, indented by level. */
    record Territory(String code, String label) {
    }

    private List<Territory> territories() {
        List<Unit> all = units.territories();
        int top = all.isEmpty() ? 0 : all.get(0).level().ordinal();
        return all.stream().map(t -> new Territory(t.regionCode(), "　".repeat(Math.max(0, t.level().ordinal() - top))
                + t.name())).toList();
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Map<String, String> errors(InvalidInputException e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            String message = p.messageKey() != null ? text(p.messageKey(), p.args())
                    : "en".equals(locale().getLanguage()) ? p.english() : p.chinese();
            // the registration's field names (petitioner.name …) are the form's visitor fields
            String field = p.field().startsWith("petitioner.") ? "visitor" + capitalised(p.field().substring(11)) : p.field();
            map.merge(field, message, (a, b) -> a + " " + b);
        }
        return map;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static LocalDate date(List<FieldProblem> problems, Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "problem.field.type"));
            return null;
        }
    }

    private static LocalTime time(List<FieldProblem> problems, Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "problem.field.type"));
            return null;
        }
    }

    private static Integer integer(List<FieldProblem> problems, Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "problem.field.type"));
            return null;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text(e.messageKey()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, text("error.forbidden"));
    }

    private static ModelAndView problem(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("staff", CurrentStaff.get().orElse(null));
        return page;
    }
}
