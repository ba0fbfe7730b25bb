package dev.attest.risks.internal;

import dev.attest.risks.RiskImportRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.Map;

/** The risks API's own problem: a refused import lists every bad row and column. */
@RestControllerAdvice(assignableTypes = RisksApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RisksProblems {

    @ExceptionHandler(RiskImportRejected.class)
    ResponseEntity<ProblemDetail> importRejected(RiskImportRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("CSV import refused");
        problem.setType(URI.create("https://attest.dev/problems/invalid-import"));
        problem.setProperty("errors", e.errors().stream()
                .map(err -> Map.of("row", err.row(), "field", err.field(), "message", err.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }
}
