package dev.attest.audits.internal;

import dev.attest.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audits API's reading errors: a body value of the wrong shape (an unknown kind, a date that is
 * not a date) is a 400 naming the field, like every other refusal, rather than a bare "malformed body".
 */
@RestControllerAdvice(basePackageClasses = AuditProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

    @ExceptionHandler(RequestCsv.Rejected.class)
    ResponseEntity<ProblemDetail> importRejected(RequestCsv.Rejected e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "Request list refused", e.getMessage() + "; nothing was imported",
                "invalid-import");
        problem.setProperty("errors", e.errors().stream()
                .map(err -> Map.of("row", err.row(), "column", err.column(), "field", err.column(), "message", err.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String field = jackson.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                        .collect(Collectors.joining("."));
                Throwable root = jackson;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                String message = root instanceof IllegalArgumentException ? root.getMessage() : "has the wrong format";
                return ResponseEntity.badRequest().body(ApiProblems.invalid(Map.of(field, message)));
            }
        }
        return ResponseEntity.badRequest().body(ApiProblems.invalid(Map.of("body", "is not valid JSON of the expected shape")));
    }
}
