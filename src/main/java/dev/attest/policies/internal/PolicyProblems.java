package dev.attest.policies.internal;

import dev.attest.policies.PolicyStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** A change the version's state forbids is a 409 that says why and what to do instead. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyProblems {

    @ExceptionHandler(PolicyStateException.class)
    ResponseEntity<ProblemDetail> refused(PolicyStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in this state");
        problem.setType(URI.create("https://attest.dev/problems/policy-state"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
