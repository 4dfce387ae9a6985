package org.xinfang.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitLevel;
import org.xinfang.organization.Units;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.supervision.FeedbackBox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 意见箱 on the portal: anyone may report the conduct of staff of the bureau or of a unit, with or
 * without name and contact. Counted against the same per-address submission limits as petitions
 * (challenge after the soft limit, refusal after the hard one); the report goes to the supervision
 * module's confidential queue and the citizen gets its reference.
 */
@Controller
class FeedbackFormController {

    private final FeedbackBox box;
    private final Units units;
    private final Throttle throttle;
    private final Challenges challenges;
    private final FormErrors errors;

    FeedbackFormController(FeedbackBox box, Units units, Throttle throttle, Challenges challenges, FormErrors errors) {
        this.box = box;
        this.units = units;
        this.throttle = throttle;
        this.challenges = challenges;
        this.errors = errors;
    }

    @GetMapping("/portal/feedback")
    String form(HttpServletRequest request, Model model) {
        return show(model, Map.of(), Map.of(), request.getRemoteAddr(), null);
    }

    @PostMapping("/portal/feedback")
    String submit(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        String address = request.getRemoteAddr();
        Throttle.Verdict verdict = throttle.verdict(address, Throttle.Action.SUBMIT);
        if (verdict == Throttle.Verdict.BLOCK) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAt", throttle.retryAt(address, Throttle.Action.SUBMIT)
                    .atZone(org.xinfang.shared.ChinaTime.ZONE));
            return "portal/blocked";
        }
        if (verdict == Throttle.Verdict.CHALLENGE
                && !challenges.solve(form.get("challengeId"), form.get("challengeAnswer"))) {
            return show(model, form, Map.of(), address, errors.text(form.get("challengeAnswer") == null
                    ? "portal.challenge.needed" : "portal.challenge.wrong"));
        }
        Long unitId = null;
        String unit = form.get("aboutUnitId");
        if (unit != null && !unit.isBlank()) {
            try {
                unitId = Long.valueOf(unit.strip());
            } catch (NumberFormatException e) {
                unitId = -1L; // reported as an unknown unit
            }
        }
        try {
            String reference = box.submit(new FeedbackBox.Report(form.get("name"), form.get("contact"), unitId,
                    form.get("aboutStaff"), form.get("content")));
            throttle.record(address, Throttle.Action.SUBMIT);
            model.addAttribute("reference", reference);
            return "portal/feedback-received";
        } catch (InvalidInputException e) {
            return show(model, form, errors.of(e.problems()), address, null);
        }
    }

    private String show(Model model, Map<String, String> form, Map<String, String> fieldErrors, String address,
            String challengeError) {
        model.addAttribute("form", form);
        model.addAttribute("errors", new LinkedHashMap<>(fieldErrors));
        model.addAttribute("units", reportableUnits());
        if (throttle.verdict(address, Throttle.Action.SUBMIT) == Throttle.Verdict.CHALLENGE) {
            challenges.createFor(address).ifPresent(c -> model.addAttribute("challenge", c));
        }
        model.addAttribute("challengeError", challengeError);
        return "portal/feedback";
    }

    /** The governments and departments of the city and its districts, as a citizen would name them. */
    private List<Unit> reportableUnits() {
        List<Unit> list = new ArrayList<>();
        for (Unit territory : units.territories()) {
            if (territory.level() == UnitLevel.CITY || territory.level() == UnitLevel.DISTRICT) {
                list.add(territory);
                units.children(territory.id()).stream().filter(u -> !u.isTerritory()).forEach(list::add);
            }
        }
        return list;
    }
}
