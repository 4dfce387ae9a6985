package org.xinfang.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * The one place where failures become RFC 9457 problem details: a status, a localised title and
 * detail, and for bad input an {@code errors} array of {@code {field, message}}. Messages are Chinese
 * unless the caller asks for English ({@code Accept-Language: en}). Nothing a client sends may turn
 * into a 500; an unexpected failure is logged with a reference the client can quote.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final MessageSource messages;

    ProblemHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            String message = p.messageKey() != null ? text(p.messageKey(), p.args())
                    : Locale.ENGLISH.getLanguage().equals(locale().getLanguage()) ? p.english() : p.chinese();
            errors.add(fieldError(p.field(), message));
        }
        return badRequest(errors, request);
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    ResponseEntity<ProblemDetail> invalidBody(BindException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            String message = fe.isBindingFailure() ? text("problem.field.type") : messages.getMessage(fe, locale());
            errors.add(fieldError(fe.getField(), message));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(ge -> errors.add(fieldError("", messages.getMessage(ge, locale()))));
        return badRequest(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(err -> errors.add(
                fieldError(result.getMethodParameter().getParameterName(), messages.getMessage(err, locale())))));
        return badRequest(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violations(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String field = "";
            for (var node : v.getPropertyPath()) {
                field = node.getName() == null ? field : node.getName();
            }
            errors.add(fieldError(field, v.getMessage()));
        }
        return badRequest(errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return badRequest(List.of(fieldError(field.toString(), text("problem.field.type"))), request);
        }
        return badRequest(List.of(fieldError("", text("problem.body.malformed"))), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest(List.of(fieldError(e.getName(), text("problem.field.type"))), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return badRequest(List.of(fieldError(e.getParameterName(), text("validation.required"))), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, text("problem.upload.tooLarge"), request, null);
    }

    /**
     * A multipart body Tomcat cannot parse (a part header over its limit, a broken boundary) is the
     * sender's mistake, not a failure of ours.
     */
    @ExceptionHandler({ MultipartException.class, org.apache.tomcat.util.http.InvalidParameterException.class })
    ResponseEntity<ProblemDetail> malformedUpload(RuntimeException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        return badRequest(List.of(fieldError("", text("problem.upload.malformed"))), request);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, text(e.messageKey(), e.args()), request, null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, text("problem.concurrentChange"), request, null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, text(e.messageKey()), request, null);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        String key = e instanceof LockedException ? "problem.locked"
                : e instanceof DisabledException ? "problem.disabled" : "problem.badCredentials";
        return problem(HttpStatus.UNAUTHORIZED, text(key), request, null);
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, text("problem.forbidden"), request, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework) { // 404, 405, 415 … raised by Spring MVC itself
            HttpStatusCode status = framework.getStatusCode();
            return problem(status, text("problem.status." + status.value(), "problem.status.other"), request, null);
        }
        String reference = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected failure [{}] on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.unexpected", reference), request, null);
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, text("problem.badRequest"), request, errors);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, HttpServletRequest request,
            List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(text("problem.status." + status.value(), "problem.status.other"));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("errors", errors == null ? List.of() : errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private String text(String key, String fallbackKey) {
        String value = messages.getMessage(key, null, null, locale());
        return value != null ? value : messages.getMessage(fallbackKey, null, fallbackKey, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
