package dev.attest.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Problem details (RFC 9457) for the API: the errors every module shares. Nothing here ever
 * carries a stack trace; an unexpected error is logged with an id the client can quote.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A problem with its status, title and detail; an exception handler returns it as the answer. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A problem of a type of its own, named by the last part of {@code https://attest.dev/problems/...}. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = problem(status, title, detail);
        problem.setType(URI.create("https://attest.dev/problems/" + type));
        return problem;
    }

    /** A 400 problem with an {@code errors} list of {field, message}. */
    public static ProblemDetail invalid(Map<String, String> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Invalid " + String.join(", ", errors.keySet().stream().sorted().toList()), "invalid-request");
        problem.setProperty("errors", errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
        return problem;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return ResponseEntity.badRequest().body(invalid(e.errors()));
    }

    // A typed command refused by a @Validated service: the same errors shape as a refused field.
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(jakarta.validation.ConstraintViolationException e) {
        return ResponseEntity.badRequest().body(invalid(Submission.fieldErrors(e.getConstraintViolations())));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = TextInput.refusedParameter(e) ? TextInput.PROBLEM
                : e.getRequiredType() != null && WireName.class.isAssignableFrom(e.getRequiredType()) ? "must be one of " + allowed(e.getRequiredType())
                : "has the wrong format";
        return ResponseEntity.badRequest().body(invalid(Map.of(e.getName(), message)));
    }

    @SuppressWarnings("unchecked")
    private static String allowed(Class<?> type) {
        return WireName.allowed((Class<? extends WireName>) (type.isEnum() ? type : type.getSuperclass()));
    }

    // Method security denies inside the controller, past Spring Security's own handlers.
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role or token scope does not allow this");
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign-in required");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error {}", id, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Quote this id when you report it: " + id);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var refused = TextInput.refusedJsonField(e);
        if (refused.isPresent()) {
            return ResponseEntity.badRequest().headers(headers).body(invalid(Map.of(refused.get(), TextInput.PROBLEM)));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is not valid JSON of the expected shape", "malformed-body"));
    }
}
