package org.xinfang.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xinfang.intake.Attachment;
import org.xinfang.intake.Registration;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitLevel;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The submission wizard: ① fill in the form → ② check and confirm → ③ receipt with 信访件编号 and 查询码.
 * Each step is its own URL (post-redirect-get), so reloading or going back never submits twice; the
 * confirmation carries the form's server-generated key, which registration uses as idempotency key. A
 * form with mistakes comes back with status 200 and the messages, as forms do; only a refusal for
 * too many attempts has its own status (429).
 */
@Controller
class SubmissionController {

    /** A category and its sub-categories, for the grouped select. */
    record CategoryGroup(String name, List<String> children) {
    }

    /** A territory as the place picker lists it. */
    record Place(String code, String name, String parentCode) {
    }

    private final Submissions submissions;
    private final Drafts drafts;
    private final PortalSession session;
    private final Throttle throttle;
    private final Challenges challenges;
    private final Categories categories;
    private final Units units;
    private final FormErrors errors;

    SubmissionController(Submissions submissions, Drafts drafts, PortalSession session, Throttle throttle,
            Challenges challenges, Categories categories, Units units, FormErrors errors) {
        this.submissions = submissions;
        this.drafts = drafts;
        this.session = session;
        this.throttle = throttle;
        this.challenges = challenges;
        this.categories = categories;
        this.units = units;
        this.errors = errors;
    }

    // ------------------------------------------------------------------ ① the form

    @GetMapping("/portal/submit")
    String form(@RequestParam(name = "draft", required = false) String draftKey, HttpSession http, Model model) {
        UUID key = parse(draftKey);
        if (key != null && session.ownsForm(http, key)) {
            Optional<Drafts.Draft> draft = drafts.find(key);
            if (draft.isPresent() && draft.get().submitted()) {
                return "redirect:/portal/submit/receipt/" + key;
            }
            if (draft.isPresent()) {
                return showForm(model, draft.get().form(), Map.of(), draft.get().files());
            }
        }
        key = UUID.randomUUID();
        session.ownForm(http, key);
        return showForm(model, SubmissionForm.blank(key.toString()), Map.of(), List.of());
    }

    @PostMapping("/portal/submit")
    String check(@ModelAttribute SubmissionForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
            HttpServletResponse response, HttpSession http, Model model) throws IOException {
        UUID key = parse(form.formKey());
        if (key == null || (!session.ownsForm(http, key) && drafts.find(key).isPresent())) {
            return "redirect:/portal/submit"; // a stale or foreign form: start afresh
        }
        session.ownForm(http, key);
        String address = request.getRemoteAddr();
        if (throttle.verdict(address, Throttle.Action.DRAFT) == Throttle.Verdict.BLOCK) {
            return blocked(response, model, address, Throttle.Action.DRAFT);
        }
        throttle.record(address, Throttle.Action.DRAFT);
        List<Attachment> chosen = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
                chosen.add(new Attachment(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            }
        }
        try {
            submissions.check(key, form, chosen);
        } catch (InvalidInputException e) {
            List<Drafts.FileInfo> kept = drafts.find(key).map(Drafts.Draft::files).orElse(List.of());
            Map<String, String> shown = new LinkedHashMap<>(errors.of(e.problems()));
            if (!chosen.isEmpty() && !shown.containsKey("files")) {
                // the browser forgets chosen files when the page comes back; say so rather than lose them silently
                shown.put("files", errors.text("portal.submit.files.chooseAgain"));
            }
            return showForm(model, form, shown, chosen.isEmpty() ? kept : List.of());
        }
        return "redirect:/portal/submit/confirm/" + key;
    }

    // ------------------------------------------------------------------ ② check and confirm

    @GetMapping("/portal/submit/confirm/{key}")
    String confirmation(@PathVariable String key, HttpServletRequest request, HttpSession http, Model model) {
        UUID k = parse(key);
        Optional<Drafts.Draft> draft = k == null || !session.ownsForm(http, k) ? Optional.empty() : drafts.find(k);
        if (draft.isEmpty()) {
            return "redirect:/portal/submit";
        }
        if (draft.get().submitted()) {
            return "redirect:/portal/submit/receipt/" + k;
        }
        return showConfirmation(model, draft.get(), request.getRemoteAddr(), null);
    }

    @PostMapping("/portal/submit/confirm/{key}")
    String confirm(@PathVariable String key, @RequestParam(required = false) String challengeId,
            @RequestParam(required = false) String challengeAnswer, HttpServletRequest request,
            HttpServletResponse response, HttpSession http, Model model) {
        UUID k = parse(key);
        Optional<Drafts.Draft> draft = k == null || !session.ownsForm(http, k) ? Optional.empty() : drafts.find(k);
        if (draft.isEmpty()) {
            return "redirect:/portal/submit";
        }
        if (draft.get().submitted()) {
            return "redirect:/portal/submit/receipt/" + k;
        }
        String address = request.getRemoteAddr();
        Throttle.Verdict verdict = throttle.verdict(address, Throttle.Action.SUBMIT);
        if (verdict == Throttle.Verdict.BLOCK) {
            return blocked(response, model, address, Throttle.Action.SUBMIT);
        }
        if (verdict == Throttle.Verdict.CHALLENGE && !challenges.solve(challengeId, challengeAnswer)) {
            return showConfirmation(model, draft.get(), address,
                    errors.text(challengeAnswer == null ? "portal.challenge.needed" : "portal.challenge.wrong"));
        }
        throttle.record(address, Throttle.Action.SUBMIT);
        try {
            Optional<Drafts.Receipt> receipt = submissions.submit(k);
            if (receipt.isEmpty()) {
                return "redirect:/portal/submit";
            }
        } catch (InvalidInputException e) {
            return showForm(model, draft.get().form(), errors.of(e.problems()), draft.get().files());
        } catch (RuleViolationException e) {
            return showConfirmation(model, draft.get(), address, errors.text(e.messageKey(), e.args()));
        }
        return "redirect:/portal/submit/receipt/" + k;
    }

    // ------------------------------------------------------------------ ③ receipt

    @GetMapping("/portal/submit/receipt/{key}")
    String receipt(@PathVariable String key, HttpSession http, Model model) {
        UUID k = parse(key);
        Optional<Drafts.Receipt> receipt = k == null || !session.ownsForm(http, k) ? Optional.empty() : drafts.receipt(k);
        if (receipt.isEmpty()) {
            return "redirect:/portal/track";
        }
        model.addAttribute("receipt", receipt.get());
        // shown in China time whatever offset the stored receipt came back with
        model.addAttribute("receivedAt", receipt.get().receivedAt().atZoneSameInstant(org.xinfang.shared.ChinaTime.ZONE));
        return "portal/receipt";
    }

    // ------------------------------------------------------------------ pieces

    private String showForm(Model model, SubmissionForm form, Map<String, String> fieldErrors, List<Drafts.FileInfo> kept) {
        model.addAttribute("form", form);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("keptFiles", kept);
        model.addAttribute("types", PetitionType.values());
        model.addAttribute("categoryGroups", categoryGroups());
        List<Unit> territories = units.territories();
        List<Place> districts = new ArrayList<>();
        List<Place> townships = new ArrayList<>();
        List<Place> communities = new ArrayList<>();
        Map<Long, String> codes = new LinkedHashMap<>();
        territories.forEach(t -> codes.put(t.id(), t.regionCode()));
        for (Unit t : territories) {
            String parent = t.parentId() == null ? null : codes.get(t.parentId());
            if (t.parentId() == null) {
                districts.add(new Place(t.regionCode(), errors.text("portal.place.wholeCity", t.name()), null));
            } else if (t.level() == UnitLevel.DISTRICT) {
                districts.add(new Place(t.regionCode(), t.name(), parent));
            } else if (t.level() == UnitLevel.TOWNSHIP) {
                townships.add(new Place(t.regionCode(), t.name(), parent));
            } else if (t.level() == UnitLevel.COMMUNITY) {
                communities.add(new Place(t.regionCode(), t.name(), parent));
            }
        }
        model.addAttribute("districts", districts);
        model.addAttribute("townshipGroups", group(districts, townships));
        model.addAttribute("communityGroups", group(townships, communities));
        model.addAttribute("limits", Registration.attachmentLimits());
        model.addAttribute("maxTitle", Registration.MAX_TITLE);
        model.addAttribute("maxContent", Registration.MAX_CONTENT);
        return "portal/submit";
    }

    /** Children under each parent that has any, for {@code <optgroup>}s. */
    private static Map<Place, List<Place>> group(List<Place> parents, List<Place> children) {
        Map<Place, List<Place>> groups = new LinkedHashMap<>();
        for (Place p : parents) {
            List<Place> mine = children.stream().filter(c -> p.code().equals(c.parentCode())).toList();
            if (!mine.isEmpty()) {
                groups.put(p, mine);
            }
        }
        return groups;
    }

    private List<CategoryGroup> categoryGroups() {
        List<Categories.Category> all = categories.all();
        List<CategoryGroup> groups = new ArrayList<>();
        for (Categories.Category top : all) {
            if (top.parentCode() == null) {
                groups.add(new CategoryGroup(top.name(), all.stream()
                        .filter(c -> top.code().equals(c.parentCode())).map(Categories.Category::name).toList()));
            }
        }
        return groups;
    }

    private String showConfirmation(Model model, Drafts.Draft draft, String address, String challengeError) {
        SubmissionForm f = draft.form();
        model.addAttribute("draft", draft);
        model.addAttribute("form", f);
        model.addAttribute("type", Submissions.parseType(f.type()));
        model.addAttribute("place", placeName(f.regionCode()));
        Throttle.Verdict verdict = throttle.verdict(address, Throttle.Action.SUBMIT);
        if (verdict == Throttle.Verdict.CHALLENGE) {
            challenges.createFor(address).ifPresent(c -> model.addAttribute("challenge", c));
        }
        model.addAttribute("challengeError", challengeError);
        return "portal/confirm";
    }

    /** 示范市 东湖区 东湖街道: the place with the territories above it. */
    private String placeName(String regionCode) {
        if (regionCode == null) {
            return "";
        }
        return units.territory(regionCode).map(u -> {
            List<Unit> chain = new ArrayList<>(units.ancestry(u).stream().filter(Unit::isTerritory).toList());
            java.util.Collections.reverse(chain);
            return String.join(" ", chain.stream().map(Unit::name).toList());
        }).orElse(regionCode);
    }

    private String blocked(HttpServletResponse response, Model model, String address, Throttle.Action action) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("retryAt", throttle.retryAt(address, action).atZone(org.xinfang.shared.ChinaTime.ZONE));
        return "portal/blocked";
    }

    private static UUID parse(String key) {
        if (key == null || key.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
