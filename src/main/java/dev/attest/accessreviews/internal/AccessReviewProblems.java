package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.CampaignStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** The module's own API problems: a campaign in the wrong status (409), a self-review (403), an unreachable system (502). */
@RestControllerAdvice(assignableTypes = AccessReviewsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessReviewProblems {

    @ExceptionHandler(CampaignStateException.class)
    ResponseEntity<ProblemDetail> conflict(CampaignStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Campaign status does not allow this");
        problem.setType(URI.create("https://attest.dev/problems/access-review-status"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(SelfReviewException.class)
    ResponseEntity<ProblemDetail> selfReview(SelfReviewException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("No self-review");
        problem.setType(URI.create("https://attest.dev/problems/self-review"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(SourceUnreachableException.class)
    ResponseEntity<ProblemDetail> unreachable(SourceUnreachableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("System cannot be read");
        problem.setType(URI.create("https://attest.dev/problems/source-unreachable"));
        problem.setProperty("system", e.system());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
