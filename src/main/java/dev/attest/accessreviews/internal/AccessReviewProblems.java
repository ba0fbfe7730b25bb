package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.CampaignStateException;
import dev.attest.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/** The module's own API problems: a campaign in the wrong status (409), a self-review (403), an unreachable system (502). */
@RestControllerAdvice(assignableTypes = AccessReviewsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessReviewProblems {

    @ExceptionHandler(CampaignStateException.class)
    ProblemDetail conflict(CampaignStateException e) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "Campaign status does not allow this", e.getMessage(), "access-review-status");
    }

    @ExceptionHandler(SelfReviewException.class)
    ProblemDetail selfReview(SelfReviewException e) {
        return ApiProblems.problem(HttpStatus.FORBIDDEN, "No self-review", e.getMessage(), "self-review");
    }

    @ExceptionHandler(SourceUnreachableException.class)
    ProblemDetail unreachable(SourceUnreachableException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_GATEWAY, "System cannot be read", e.getMessage(), "source-unreachable");
        problem.setProperty("system", e.system());
        return problem;
    }
}
