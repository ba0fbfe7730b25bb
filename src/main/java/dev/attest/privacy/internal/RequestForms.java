package dev.attest.privacy.internal;

import dev.attest.privacy.AddSystemTask;
import dev.attest.privacy.CloseRequest;
import dev.attest.privacy.CompleteSystemTask;
import dev.attest.privacy.RecordResponse;
import dev.attest.privacy.RequestOutcome;
import dev.attest.privacy.VerifyIdentity;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/** The steps on a request as a page's form or the API sends them, as checked typed commands: the same fields and words for both. */
@Component
class RequestForms {

    private final Validator validator;
    private final Clock clock;

    RequestForms(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    private Submission submission() {
        return new Submission(validator, clock);
    }

    VerifyIdentity verification(String method) {
        return submission().valid(new VerifyIdentity(method));
    }

    AddSystemTask task(String system) {
        return submission().valid(new AddSystemTask(system));
    }

    CompleteSystemTask completion(UUID task, String note) {
        return submission().valid(new CompleteSystemTask(task, note));
    }

    /** A completion as a form sends it, the task's id as text. */
    CompleteSystemTask completion(String task, String note) {
        Submission s = submission();
        UUID id = null;
        try {
            id = UUID.fromString(task == null ? "" : task.strip());
        } catch (IllegalArgumentException e) {
            s.reject("task", "is not a task of this request");
        }
        return s.valid(new CompleteSystemTask(id, note));
    }

    RecordResponse response(String response) {
        return submission().valid(new RecordResponse(response));
    }

    CloseRequest closure(String outcome, String reason) {
        Submission s = submission();
        RequestOutcome chosen = s.choice(RequestOutcome.class, outcome, "outcome", "choose fulfilled or denied");
        return s.valid(new CloseRequest(chosen, reason));
    }
}
