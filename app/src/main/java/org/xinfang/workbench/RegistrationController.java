package org.xinfang.workbench;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.intake.Registration;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.people.IdCardNumber;
import org.xinfang.people.InvalidPersonalDataException;
import org.xinfang.petition.Categories;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionType;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 登记: the clerk's forms for letters, visits (with up to 5 representatives) and calls. Each form
 * carries its own idempotency key, so a double click or a resent form registers once. The ID card
 * number is checked as it is typed, with a warning when the same person has open petitions.
 */
@Controller
class RegistrationController extends WorkbenchPage {

    private static final List<Channel> FORMS = List.of(Channel.LETTER, Channel.VISIT, Channel.PHONE);

    private final Registration registration;
    private final PetitionQueries queries;
    private final Categories categories;
    private final RegionNames regions;
    private final Clock clock;

    RegistrationController(Registration registration, PetitionQueries queries, Categories categories, RegionNames regions,
            Clock clock) {
        this.registration = registration;
        this.queries = queries;
        this.categories = categories;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/register")
    String choose() {
        return "redirect:/register/visit";
    }

    @GetMapping("/register/{channel}")
    String form(@PathVariable String channel, Model model) {
        Channel c = channelOf(channel);
        RegistrationForm form = new RegistrationForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        form.setReceivedAt(LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).truncatedTo(ChronoUnit.MINUTES));
        return page(c, form, Map.of(), null, model);
    }

    @PostMapping("/register/{channel}")
    String register(@PathVariable String channel, @ModelAttribute("form") RegistrationForm form, BindingResult binding,
            @RequestParam(name = "next", required = false) String next, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Channel c = channelOf(channel);
        StaffUser clerk = CurrentStaff.require();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            errors.put(e.getField(), text().get("problem.field.type"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(c, form, errors, text().get("register.errors"), model);
        }
        Registration.Submitted submitted;
        try {
            String key = form.getIdempotencyKey() != null && form.getIdempotencyKey().matches("[A-Za-z0-9-]{8,64}")
                    ? form.getIdempotencyKey() : null;
            submitted = registration.byClerk(form.request(c), key, clerk);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> problems = new LinkedHashMap<>(text().fieldErrors(e));
            if (problems.containsKey("regionCode") && (form.getRegionCode() == null || form.getRegionCode().isBlank())) {
                problems.put("regionCode", text().get("validation.required")); // nothing chosen, not a bad code
            }
            return page(c, form, problems, text().get("register.errors"), model);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(c, form, Map.of(), text().of(e), model);
        }
        var receipt = submitted.receipt();
        redirect.addFlashAttribute("saved", text().get("register.saved", receipt.number(), receipt.queryCode()));
        redirect.addFlashAttribute("savedStatus", receipt.status().name().equals("REGISTERED") ? null
                : text().get("register.savedStatus", receipt.status().label()));
        redirect.addFlashAttribute("savedNumber", receipt.number());
        return next != null ? "redirect:/register/" + channel : "redirect:/cases/" + receipt.number();
    }

    /**
     * Checks the ID card number as it is typed (GB 11643 checksum) and lists the person's open
     * petitions, for the htmx fragment next to the field.
     */
    @GetMapping("/register/id-check")
    String idCheck(@RequestParam(name = "petitioner.idCardNumber", required = false) String idCard, Model model) {
        if (idCard == null || idCard.isBlank()) {
            return "register :: idcheck";
        }
        try {
            String normalised = IdCardNumber.parse(idCard).value();
            List<PetitionViews.Row> open = queries.openPetitionsOf(normalised, CurrentStaff.require());
            model.addAttribute("idOk", true);
            model.addAttribute("open", open);
        } catch (InvalidPersonalDataException e) {
            model.addAttribute("idError", localised(e));
        }
        return "register :: idcheck";
    }

    private String localised(InvalidPersonalDataException e) {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
                ? e.englishMessage() : e.chineseMessage();
    }

    private String page(Channel channel, RegistrationForm form, Map<String, String> errors, String message, Model model) {
        model.addAttribute("channel", channel);
        model.addAttribute("channelPath", channel.name().toLowerCase(Locale.ROOT));
        model.addAttribute("forms", FORMS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("types", PetitionType.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("regionGroups", regions.tree());
        return "register";
    }

    private static Channel channelOf(String path) {
        for (Channel c : FORMS) {
            if (c.name().equalsIgnoreCase(path)) {
                return c;
            }
        }
        throw new NotFoundException("error.notFound");
    }
}
