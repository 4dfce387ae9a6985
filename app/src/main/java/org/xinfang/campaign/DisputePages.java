package org.xinfang.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.campaign.DisputeViews.Conversion;
import org.xinfang.campaign.DisputeViews.NewDispute;
import org.xinfang.campaign.DisputeViews.Party;
import org.xinfang.campaign.DisputeViews.Progress;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 矛盾纠纷排查 pages: the register (by status), recording a dispute found by screening, and one dispute
 * with its parties (masked by role), progress and conversion into a petition.
 */
@Controller
class DisputePages {

    static final int PARTY_ROWS = 3;

    private final Disputes disputes;
    private final Units units;
    private final Categories categories;
    private final MessageSource messages;

    DisputePages(Disputes disputes, Units units, Categories categories, MessageSource messages) {
        this.disputes = disputes;
        this.units = units;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping("/disputes")
    String list(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("rows", disputes.list(status, CurrentStaff.require()));
        model.addAttribute("statuses", DisputeViews.Status.values());
        model.addAttribute("status", status == null ? "" : status);
        return "dispute/list";
    }

    @GetMapping("/disputes/new")
    String form(Model model) {
        return formPage(model, Map.of(), Map.of());
    }

    @PostMapping("/disputes")
    String record(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate found = null;
        if (form.get("foundOn") != null && !form.get("foundOn").isBlank()) {
            try {
                found = LocalDate.parse(form.get("foundOn").strip());
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("foundOn", "problem.field.type"));
            }
        }
        Long owner = null;
        if (form.get("ownerUnitId") != null && !form.get("ownerUnitId").isBlank()) {
            try {
                owner = Long.valueOf(form.get("ownerUnitId").strip());
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("ownerUnitId", "campaign.validation.choice"));
            }
        }
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < PARTY_ROWS; i++) {
            parties.add(new Party(form.get("parties[" + i + "].name"), form.get("parties[" + i + "].phone"),
                    form.get("parties[" + i + "].idCardNumber")));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            String number = disputes.record(new NewDispute(form.get("screening"), found, form.get("foundBy"),
                    form.get("regionCode"), form.get("place"), form.get("category"), form.get("description"),
                    form.get("risk"), owner, form.get("ownerPerson"), parties), CurrentStaff.require());
            return "redirect:/disputes/" + number;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(model, errors(e), form);
        }
    }

    private String formPage(Model model, Map<String, String> errors, Map<String, String> form) {
        StaffUser user = CurrentStaff.require();
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("foundOn", LocalDate.now().toString());
        values.putIfAbsent("screening", "REGULAR");
        values.putIfAbsent("risk", "LOW");
        values.putIfAbsent("ownerUnitId", Long.toString(user.unitId()));
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("screenings", DisputeViews.Screening.values());
        model.addAttribute("risks", DisputeViews.Risk.values());
        model.addAttribute("owners", units.visibleTree(user));
        List<Unit> all = units.territories();
        int top = all.isEmpty() ? 0 : all.get(0).level().ordinal();
        model.addAttribute("territories", all.stream().map(t -> Map.of("code", t.regionCode(),
                "label", "　".repeat(Math.max(0, t.level().ordinal() - top)) + t.name())).toList());
        model.addAttribute("categories", categories.all());
        model.addAttribute("partyRows", java.util.stream.IntStream.range(0, PARTY_ROWS).boxed().toList());
        return "dispute/new";
    }

    @GetMapping("/disputes/{number}")
    String show(@PathVariable String number, Model model) {
        return detailPage(number, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/disputes/{number}/progress")
    String progress(@PathVariable String number, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return step(number, "progress", form, model, redirect, response, () -> {
            disputes.progress(number, new Progress(form.get("status"), form.get("resolution")), CurrentStaff.require());
            return number;
        });
    }

    @PostMapping("/disputes/{number}/conversion")
    String convert(@PathVariable String number, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        int party = 0;
        try {
            party = Integer.parseInt(form.getOrDefault("partyIndex", "0"));
        } catch (NumberFormatException e) {
            party = -1;
        }
        int chosen = party;
        return step(number, "convert", form, model, redirect, response, () -> disputes.convert(number,
                new Conversion(form.get("channel"), form.get("type"), chosen, form.get("title")), CurrentStaff.require()));
    }

    private String step(String number, String which, Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response, java.util.function.Supplier<String> action) {
        String result;
        try {
            result = action.get();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detailPage(number, model, which, errors(e), text("cp.failed"), form);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return detailPage(number, model, which, Map.of(), text(e.messageKey(), e.args()), form);
        }
        redirect.addFlashAttribute("done", text("md.done." + which, result));
        return "redirect:/disputes/" + number;
    }

    private String detailPage(String number, Model model, String failedForm, Map<String, String> errors, String failure,
            Map<String, String> form) {
        StaffUser user = CurrentStaff.require();
        model.addAttribute("d", disputes.detail(number, user));
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("form", form);
        model.addAttribute("mayConvert", user.has(Role.CLERK));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("types", PetitionType.values());
        return "dispute/dispute";
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

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return CampaignPages.problem(HttpStatus.NOT_FOUND, text(e.messageKey()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return CampaignPages.problem(HttpStatus.FORBIDDEN, text("error.forbidden"));
    }
}
