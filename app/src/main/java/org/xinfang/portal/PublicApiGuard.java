package org.xinfang.portal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's rules on the public API ({@code /api/v1/public/petitions/**}): submissions and wrong
 * query codes count per client address, exactly as on the portal pages. Past the soft limit a request
 * must carry a solved challenge ({@code X-Challenge-Id}, {@code X-Challenge-Answer}; a 428 answer
 * contains a fresh one), past the hard limit it gets 429 with {@code Retry-After}. A wrong code is
 * recognised by the neutral 404 the tracking endpoints give, so the guard needs no knowledge of
 * petitions. The client address is the one Tomcat resolved (X-Forwarded-For only from trusted proxies).
 */
class PublicApiGuard extends OncePerRequestFilter {

    static final String CHALLENGE_ID = "X-Challenge-Id";
    static final String CHALLENGE_ANSWER = "X-Challenge-Answer";
    private static final Pattern SUBMIT = Pattern.compile("/api/v1/public/petitions/?");
    private static final Pattern TRACK = Pattern.compile("/api/v1/public/petitions/[^/]+(/rating|/review-requests)?/?");

    private final Throttle throttle;
    private final Challenges challenges;
    private final MessageSource messages;
    private final JsonMapper json;

    PublicApiGuard(Throttle throttle, Challenges challenges, MessageSource messages, JsonMapper json) {
        this.throttle = throttle;
        this.challenges = challenges;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Throttle.Action action;
        if ("POST".equals(request.getMethod()) && SUBMIT.matcher(path).matches()) {
            action = Throttle.Action.SUBMIT;
        } else if (TRACK.matcher(path).matches()) {
            action = Throttle.Action.TRACK_FAILURE;
        } else {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Throttle.Verdict verdict = throttle.verdict(address, action);
        Locale locale = locale(request);
        if (verdict == Throttle.Verdict.BLOCK) {
            blocked(response, request, address, action, locale);
            return;
        }
        if (verdict == Throttle.Verdict.CHALLENGE
                && !challenges.solve(request.getHeader(CHALLENGE_ID), request.getHeader(CHALLENGE_ANSWER))) {
            if (action == Throttle.Action.TRACK_FAILURE) {
                throttle.record(address, action); // ignoring the challenge is another failed try
            }
            java.util.Optional<Challenges.Challenge> question = challenges.createFor(address);
            if (question.isEmpty()) {
                blocked(response, request, address, Throttle.Action.CHALLENGE, locale);
                return;
            }
            Challenges.Challenge c = question.get();
            ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, "portal.limit.challengeRequired", request, locale);
            problem.setProperty("challenge", Map.of("id", c.id().toString(),
                    "question", messages.getMessage("portal.challenge.question", new Object[] { c.a(), c.b() }, locale),
                    "headers", List.of(CHALLENGE_ID, CHALLENGE_ANSWER)));
            write(response, problem);
            return;
        }
        if (action == Throttle.Action.SUBMIT) {
            throttle.record(address, action);
        }
        chain.doFilter(request, response);
        if (action == Throttle.Action.TRACK_FAILURE && response.getStatus() == HttpStatus.NOT_FOUND.value()) {
            throttle.record(address, action);
        }
    }

    private void blocked(HttpServletResponse response, HttpServletRequest request, String address, Throttle.Action action,
            Locale locale) throws IOException {
        long seconds = Math.max(60, throttle.retryAfter(address, action).toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, problem(HttpStatus.TOO_MANY_REQUESTS, "portal.limit.blocked", request, locale));
    }

    private ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
        problem.setTitle(messages.getMessage("problem.status." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        problem.setProperty("errors", List.of());
        return problem;
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Chinese unless the client asks for English, as everywhere on the API. */
    private static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }
}
