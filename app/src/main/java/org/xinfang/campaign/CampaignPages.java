package org.xinfang.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.campaign.CampaignViews.CaseAssignment;
import org.xinfang.campaign.CampaignViews.NewCampaign;
import org.xinfang.campaign.CampaignViews.NewDispatch;
import org.xinfang.campaign.CampaignViews.ProgressEntry;
import org.xinfang.campaign.CampaignViews.SelectionRules;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 积案攻坚 pages of the workbench: the campaign list and creation form, a campaign's cases with a plan
 * and a closing form for each, the selection preview, 调度 rounds and the progress table, and the printable
 * report (with its Excel twin). A refused step comes back on the same page with the reasons beside the form.
 */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final Units units;
    private final Categories categories;
    private final MessageSource messages;

    CampaignPages(Campaigns campaigns, Units units, Categories categories, MessageSource messages) {
        this.campaigns = campaigns;
        this.units = units;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        return listPage(model, Map.of(), Map.of());
    }

    @PostMapping("/campaigns")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate starts = date(problems, form, "startsOn");
        LocalDate ends = date(problems, form, "endsOn");
        Integer age = integer(problems, form, "minAgeDays");
        Integer repeats = integer(problems, form, "minRepeats");
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            long id = campaigns.create(new NewCampaign(form.get("name"), starts, ends, new SelectionRules(age, repeats,
                    Set.of(), form.get("regionCode"), form.get("category"))), CurrentStaff.require());
            return "redirect:/campaigns/" + id + "/candidates";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, errors(e), form);
        }
    }

    private String listPage(Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("campaigns", campaigns.list(CurrentStaff.require()));
        model.addAttribute("errors", errors);
        Map<String, String> values = new LinkedHashMap<>(form);
        LocalDate today = LocalDate.now();
        values.putIfAbsent("startsOn", today.toString());
        values.putIfAbsent("endsOn", today.plusMonths(3).toString());
        values.putIfAbsent("minAgeDays", "180");
        model.addAttribute("form", values);
        model.addAttribute("territories", territories());
        model.addAttribute("categories", categories.all());
        return "campaign/list";
    }

    @GetMapping("/campaigns/{id}")
    String show(@PathVariable long id, Model model) {
        return detailPage(id, model, null, Map.of(), null, Map.of());
    }

    @GetMapping("/campaigns/{id}/candidates")
    String candidates(@PathVariable long id, Model model) {
        StaffUser user = CurrentStaff.require();
        model.addAttribute("campaign", campaigns.summary(id, user));
        model.addAttribute("rulesText", campaigns.describe(campaigns.rules(id)));
        model.addAttribute("candidates", campaigns.preview(id, user));
        model.addAttribute("max", Campaigns.MAX_CANDIDATES);
        return "campaign/candidates";
    }

    @PostMapping("/campaigns/{id}/cases")
    String include(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect,
            Model model, HttpServletResponse response) {
        List<String> numbers = form.getOrDefault("numbers", List.of());
        try {
            int added = campaigns.include(id, numbers, CurrentStaff.require());
            redirect.addFlashAttribute("done", text("cp.included", added));
            return "redirect:/campaigns/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("failed", String.join(" ", errors(e).values()));
            return candidates(id, model);
        }
    }

    @PostMapping("/campaigns/{id}/cases/{number}/plan")
    String plan(@PathVariable long id, @PathVariable String number, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate due = date(problems, form, "dueOn");
        return step(id, number, "plan", form, model, redirect, response, problems, () -> campaigns.assign(id, number,
                new CaseAssignment(form.get("responsibleLeader"), form.get("plan"), form.get("measures"), due,
                        form.get("resolutionClass")), CurrentStaff.require()));
    }

    @PostMapping("/campaigns/{id}/cases/{number}/close")
    String close(@PathVariable long id, @PathVariable String number, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return step(id, number, "close", form, model, redirect, response, new ArrayList<>(),
                () -> campaigns.close(id, number, form.get("ground"), form.get("note"), CurrentStaff.require()));
    }

    @PostMapping("/campaigns/{id}/dispatches")
    String dispatch(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate held = date(problems, form, "heldOn");
        List<ProgressEntry> entries = new ArrayList<>();
        // the form lists every open case as stage.<number> / note.<number>; an empty stage means "not reported"
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey().startsWith("stage.")) {
                String number = e.getKey().substring(6);
                entries.add(new ProgressEntry(number, e.getValue(), form.get("note." + number)));
            }
        }
        return step(id, null, "dispatch", form, model, redirect, response, problems,
                () -> campaigns.dispatch(id, new NewDispatch(held, form.get("note"), entries), CurrentStaff.require()));
    }

    @PostMapping("/campaigns/{id}/finish")
    String finish(@PathVariable long id, RedirectAttributes redirect) {
        campaigns.finish(id, CurrentStaff.require());
        redirect.addFlashAttribute("done", text("cp.done.finish"));
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/{id}/report")
    String report(@PathVariable long id, Model model) {
        model.addAttribute("d", campaigns.detail(id, CurrentStaff.require()));
        model.addAttribute("today", LocalDate.now());
        return "campaign/report";
    }

    @GetMapping("/campaigns/{id}/report.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable long id) {
        return CampaignApiController.workbook(campaigns.detail(id, CurrentStaff.require()));
    }

    // ------------------------------------------------------------------ pieces

    private String step(long id, String number, String which, Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response, List<FieldProblem> parsing, Runnable action) {
        try {
            if (!parsing.isEmpty()) {
                throw new InvalidInputException(parsing);
            }
            action.run();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detailPage(id, model, which + ":" + number, errors(e), text("cp.failed"), form);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return detailPage(id, model, which + ":" + number, Map.of(), text(e.messageKey(), e.args()), form);
        }
        redirect.addFlashAttribute("done", text("cp.done." + which, number));
        return "redirect:/campaigns/" + id + (number == null ? "#progress" : "#case-" + number);
    }

    private String detailPage(long id, Model model, String failedForm, Map<String, String> errors, String failure,
            Map<String, String> form) {
        model.addAttribute("d", campaigns.detail(id, CurrentStaff.require()));
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("form", form);
        model.addAttribute("classes", ResolutionClass.values());
        model.addAttribute("grounds", ClosureGround.values());
        model.addAttribute("stages", ProgressStage.values());
        model.addAttribute("today", LocalDate.now());
        return "campaign/campaign";
    }

    /** A territory for the region picker, indented by level. */
    record Territory(String code, String label) {
    }

    private List<Territory> territories() {
        List<Territory> list = new ArrayList<>();
        for (Unit t : units.territories()) {
            String indent = "　".repeat(Math.max(0, t.level().ordinal() - units.territories().get(0).level().ordinal()));
            list.add(new Territory(t.regionCode(), indent + t.name()));
        }
        return list;
    }

    static List<PetitionStatus> openStatuses() {
        return Arrays.stream(PetitionStatus.values()).filter(PetitionStatus::isOpen).toList();
    }

    private Map<String, String> errors(InvalidInputException e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            String message = p.messageKey() != null ? text(p.messageKey(), p.args())
                    : "en".equals(locale().getLanguage()) ? p.english() : p.chinese();
            map.merge(p.field(), message, (a, b) -> a + " " + b);
        }
        return map;
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

    // failures the page did not handle itself: the workbench's problem page, not the API's JSON

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text(e.messageKey()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, text("error.forbidden"));
    }

    @ExceptionHandler(RuleViolationException.class)
    ModelAndView conflict(RuleViolationException e) {
        return problem(HttpStatus.CONFLICT, text(e.messageKey(), e.args()));
    }

    static ModelAndView problem(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("staff", CurrentStaff.get().orElse(null));
        return page;
    }
}
