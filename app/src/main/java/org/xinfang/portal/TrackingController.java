package org.xinfang.portal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.document.DocumentFormat;
import org.xinfang.document.Documents;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionStatus;
import org.xinfang.petition.PetitionViews;
import org.xinfang.petition.Rating;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * 查询评价: number + query code → the public timeline, the statutory deadlines with their dates, the
 * reply; then 满意度评价 and the 复查/复核 request. A wrong number and a wrong code get the same neutral
 * message, wrong tries count per address ({@link Throttle}), and after a few a challenge is asked.
 * Once the code was right, the session remembers it for that petition, so the result page has its
 * own address (reload and back work) and the code never sits in a URL.
 */
@Controller
class TrackingController {

    static final int MAX_COMMENT = 500;
    static final int MAX_REASON = 2000;

    private final PetitionLifecycle lifecycle;
    private final PetitionQueries queries;
    private final PortalSession session;
    private final Throttle throttle;
    private final Challenges challenges;
    private final FormErrors errors;
    private final Documents documents;

    TrackingController(PetitionLifecycle lifecycle, PetitionQueries queries, PortalSession session, Throttle throttle,
            Challenges challenges, FormErrors errors, Documents documents) {
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.session = session;
        this.throttle = throttle;
        this.challenges = challenges;
        this.errors = errors;
        this.documents = documents;
    }

    @GetMapping("/portal/track")
    String form(@RequestParam(required = false) String number, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return showForm(model, request, response, number == null ? "" : number.strip(), null);
    }

    @PostMapping("/portal/track")
    String track(@RequestParam(required = false) String number, @RequestParam(required = false) String queryCode,
            @RequestParam(required = false) String challengeId, @RequestParam(required = false) String challengeAnswer,
            HttpServletRequest request, HttpServletResponse response, HttpSession http, Model model) {
        String n = number == null ? "" : number.strip();
        String code = queryCode == null ? "" : queryCode.strip();
        String address = request.getRemoteAddr();
        Throttle.Verdict verdict = throttle.verdict(address, Throttle.Action.TRACK_FAILURE);
        if (verdict == Throttle.Verdict.BLOCK) {
            return showForm(model, request, response, n, null);
        }
        if (n.isEmpty() || code.isEmpty() || n.length() > 40 || code.length() > 32) {
            return showForm(model, request, response, n, errors.text("portal.track.incomplete"));
        }
        if (verdict == Throttle.Verdict.CHALLENGE && !challenges.solve(challengeId, challengeAnswer)) {
            if (challengeAnswer != null) {
                throttle.record(address, Throttle.Action.TRACK_FAILURE);
            }
            return showForm(model, request, response, n,
                    errors.text(challengeAnswer == null ? "portal.challenge.needed" : "portal.challenge.wrong"));
        }
        if (!lifecycle.codeMatches(n, code)) {
            throttle.record(address, Throttle.Action.TRACK_FAILURE);
            return showForm(model, request, response, n, errors.text("portal.track.notFound"));
        }
        session.track(http, n, code);
        return "redirect:/portal/track/" + n;
    }

    @GetMapping("/portal/track/{number}")
    String result(@PathVariable String number, HttpSession http, Model model) {
        if (session.queryCode(http, number).isEmpty()) {
            return "redirect:/portal/track?number=" + encode(number);
        }
        PetitionViews.PublicView view;
        try {
            view = queries.publicView(number);
        } catch (NotFoundException e) {
            session.forget(http, number);
            return "redirect:/portal/track";
        }
        model.addAttribute("p", view);
        model.addAttribute("documents", documents.listForPetitioner(number, session.queryCode(http, number).get()));
        model.addAttribute("stage", view.status().equals(PetitionStatus.REVIEWED.name()) ? "recheck" : "review");
        model.addAttribute("ratingLabel", view.rating() == null ? null : Rating.valueOf(view.rating()).label());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("maxComment", MAX_COMMENT);
        model.addAttribute("maxReason", MAX_REASON);
        model.addAttribute("reviewClosed", !view.canRequestReview()
                && (view.status().equals(PetitionStatus.ANSWERED.name()) || view.status().equals(PetitionStatus.REVIEWED.name())
                        || view.status().equals(PetitionStatus.CLOSED.name())));
        model.addAttribute("zone", ChinaTime.ZONE);
        return "portal/tracked";
    }

    /** The notices addressed to the petitioner (受理告知书, 处理意见书 …), as PDF, with the code kept in the session. */
    @GetMapping("/portal/track/{number}/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable UUID id, HttpSession http) {
        String code = session.queryCode(http, number).orElseThrow(() -> new NotFoundException("petition.notFound"));
        Documents.DownloadedFile file = documents.downloadForPetitioner(number, id, code, DocumentFormat.PDF);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .body(file.content());
    }

    @PostMapping("/portal/track/{number}/rating")
    String rate(@PathVariable String number, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String comment, HttpSession http, RedirectAttributes flash) {
        Optional<String> code = session.queryCode(http, number);
        if (code.isEmpty()) {
            return "redirect:/portal/track?number=" + encode(number);
        }
        Rating given = parseRating(rating);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (given == null) {
            flash.addFlashAttribute("ratingError", errors.text("portal.rating.required"));
        } else if (text != null && text.length() > MAX_COMMENT) {
            flash.addFlashAttribute("ratingError", errors.text("validation.tooLong", MAX_COMMENT));
            flash.addFlashAttribute("comment", text);
        } else {
            try {
                lifecycle.rate(number, code.get(), given, text);
                flash.addFlashAttribute("notice", errors.text("portal.rating.thanks"));
            } catch (RuleViolationException e) {
                flash.addFlashAttribute("ratingError", errors.text(e.messageKey(), e.args()));
            }
        }
        return "redirect:/portal/track/" + number + "#actions";
    }

    @PostMapping("/portal/track/{number}/review")
    String requestReview(@PathVariable String number, @RequestParam(required = false) String reason, HttpSession http,
            RedirectAttributes flash) {
        Optional<String> code = session.queryCode(http, number);
        if (code.isEmpty()) {
            return "redirect:/portal/track?number=" + encode(number);
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            flash.addFlashAttribute("reviewError", errors.text("portal.review.reasonRequired"));
        } else if (text.length() > MAX_REASON) {
            flash.addFlashAttribute("reviewError", errors.text("validation.tooLong", MAX_REASON));
            flash.addFlashAttribute("reason", text);
        } else {
            try {
                lifecycle.requestReview(number, code.get(), text);
                flash.addFlashAttribute("notice", errors.text("portal.review.received"));
            } catch (RuleViolationException e) {
                flash.addFlashAttribute("reviewError", errors.text(e.messageKey(), e.args()));
                flash.addFlashAttribute("reason", text);
            }
        }
        return "redirect:/portal/track/" + number + "#actions";
    }

    @PostMapping("/portal/track/{number}/leave")
    String leave(@PathVariable String number, HttpSession http) {
        session.forget(http, number);
        return "redirect:/portal/track";
    }

    private String showForm(Model model, HttpServletRequest request, HttpServletResponse response, String number,
            String error) {
        String address = request.getRemoteAddr();
        Throttle.Verdict verdict = throttle.verdict(address, Throttle.Action.TRACK_FAILURE);
        model.addAttribute("number", number);
        model.addAttribute("error", error);
        if (verdict == Throttle.Verdict.BLOCK) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAt", throttle.retryAt(address, Throttle.Action.TRACK_FAILURE).atZone(ChinaTime.ZONE));
        } else if (verdict == Throttle.Verdict.CHALLENGE) {
            challenges.createFor(address).ifPresent(c -> model.addAttribute("challenge", c));
        }
        return "portal/track";
    }

    private static Rating parseRating(String rating) {
        try {
            return rating == null ? null : Rating.valueOf(rating);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
