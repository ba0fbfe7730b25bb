package dev.attest.policies.internal;

import dev.attest.policies.PolicyStateException;
import dev.attest.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/** A change the version's state forbids is a 409 that says why and what to do instead. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyProblems {

    @ExceptionHandler(PolicyStateException.class)
    ProblemDetail refused(PolicyStateException e) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "Not allowed in this state", e.getMessage(), "policy-state");
    }
}
