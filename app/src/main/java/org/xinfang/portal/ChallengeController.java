package org.xinfang.portal;

import java.time.OffsetDateTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.shared.ChinaTime;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/public/challenges}: a question for API clients that were asked for one (428);
 * send its id and the answer in {@code X-Challenge-Id} and {@code X-Challenge-Answer} on the retry.
 */
@RestController
class ChallengeController {

    record ChallengeView(String id, String question, OffsetDateTime expiresAt) {
    }

    private final Challenges challenges;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ChallengeController(Challenges challenges, MessageSource messages, java.time.Clock clock) {
        this.challenges = challenges;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/api/v1/public/challenges")
    ResponseEntity<ChallengeView> create(HttpServletRequest request) {
        // too many questions asked: answered by ProblemHandling as a 429 problem ("请求过于频繁")
        Challenges.Challenge c = challenges.createFor(request.getRemoteAddr())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ChallengeView(c.id().toString(),
                messages.getMessage("portal.challenge.question", new Object[] { c.a(), c.b() },
                        LocaleContextHolder.getLocale()),
                clock.instant().plus(Challenges.VALID_FOR).atZone(ChinaTime.ZONE).toOffsetDateTime()));
    }
}
