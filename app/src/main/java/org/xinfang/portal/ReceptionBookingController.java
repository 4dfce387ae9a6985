package org.xinfang.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.reception.ReceptionViews;
import org.xinfang.reception.Receptions;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 领导接访日 on the portal: the published schedule with the places left, and booking a place (name, phone,
 * matter) without an account. A booking counts as a submission against the address's public limits
 * (ADR 003): past the soft limit the arithmetic question must be answered, past the hard limit the
 * address waits. The 预约号 is shown once, after the redirect, and sent to no one else.
 */
@Controller
class ReceptionBookingController {

    private final Receptions receptions;
    private final Throttle throttle;
    private final Challenges challenges;
    private final FormErrors errors;

    ReceptionBookingController(Receptions receptions, Throttle throttle, Challenges challenges, FormErrors errors) {
        this.receptions = receptions;
        this.throttle = throttle;
        this.challenges = challenges;
        this.errors = errors;
    }

    @GetMapping("/portal/reception")
    String schedule(Model model) {
        model.addAttribute("slots", receptions.upcoming());
        return "portal/reception";
    }

    @GetMapping("/portal/reception/{id}")
    String form(@PathVariable long id, HttpServletRequest request, Model model) {
        return showForm(id, model, request.getRemoteAddr(), Map.of(), Map.of(), null);
    }

    @PostMapping("/portal/reception/{id}")
    String book(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect, Model model) {
        String address = request.getRemoteAddr();
        Throttle.Verdict verdict = throttle.verdict(address, Throttle.Action.SUBMIT);
        if (verdict == Throttle.Verdict.BLOCK) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAt", throttle.retryAt(address, Throttle.Action.SUBMIT)
                    .atZone(org.xinfang.shared.ChinaTime.ZONE));
            return "portal/blocked";
        }
        String answer = form.get("challengeAnswer");
        if (verdict == Throttle.Verdict.CHALLENGE && !challenges.solve(form.get("challengeId"), answer)) {
            return showForm(id, model, address, form, Map.of(),
                    errors.text(answer == null ? "portal.challenge.needed" : "portal.challenge.wrong"));
        }
        throttle.record(address, Throttle.Action.SUBMIT);
        ReceptionViews.Booked booked;
        try {
            booked = receptions.bookOnline(id, new ReceptionViews.Booking(form.get("name"), form.get("phone"),
                    form.get("topic")));
        } catch (InvalidInputException e) {
            return showForm(id, model, address, form, errors.of(e.problems()), null);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showForm(id, model, address, form, Map.of(), errors.text(e.messageKey(), e.args()));
        }
        redirect.addFlashAttribute("booked", booked);
        return "redirect:/portal/reception/booked";
    }

    @GetMapping("/portal/reception/booked")
    String booked(Model model) {
        return model.containsAttribute("booked") ? "portal/reception-booked" : "redirect:/portal/reception";
    }

    private String showForm(long id, Model model, String address, Map<String, String> form,
            Map<String, String> fieldErrors, String refusal) {
        model.addAttribute("slot", receptions.publicSlot(id));
        model.addAttribute("form", new LinkedHashMap<>(form));
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("refusal", refusal);
        if (throttle.verdict(address, Throttle.Action.SUBMIT) == Throttle.Verdict.CHALLENGE) {
            challenges.createFor(address).ifPresent(c -> model.addAttribute("challenge", c));
        }
        return "portal/reception-book";
    }

    /** A day that is full, cancelled or already begun: back to the schedule with a word why. */
    @ExceptionHandler(NotFoundException.class)
    String gone(NotFoundException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", errors.text(e.messageKey()));
        return "redirect:/portal/reception";
    }
}
