package dev.attest.privacy.internal;

import dev.attest.privacy.AddSystemTask;
import dev.attest.privacy.AssignRequest;
import dev.attest.privacy.CloseRequest;
import dev.attest.privacy.CompleteSystemTask;
import dev.attest.privacy.ExtendDeadline;
import dev.attest.privacy.NewRequest;
import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.ReceiveRequest;
import dev.attest.privacy.RecordAgreement;
import dev.attest.privacy.RecordResponse;
import dev.attest.privacy.RequestOutcome;
import dev.attest.privacy.RequestType;
import dev.attest.privacy.SaveProcessingRecord;
import dev.attest.privacy.VerifyIdentity;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Privacy's forms and request bodies as checked typed commands, the same fields and words for a page,
 * the API and the public form: a request's receipt and steps, processing records and agreements.
 */
@Component
@RequiredArgsConstructor
class RequestForms {

    private final Validator validator;
    private final Clock clock;
    private final ProcessingRegister register;

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

    /** A request as typed, by staff or on the public form: type and law by their wire names. */
    ReceiveRequest receipt(NewRequest form) {
        Submission s = submission();
        NewRequest f = form == null ? new NewRequest(null, null, null, null, null) : form;
        RequestType type = WireName.parse(RequestType.class, f.type())
                .orElseGet(() -> s.reject("type", "choose one of " + WireName.allowed(RequestType.class)));
        PrivacyLaw law = WireName.parse(PrivacyLaw.class, f.law()).orElseGet(() -> s.reject("law", "choose gdpr or ccpa"));
        ReceiveRequest command = new ReceiveRequest(type, law, f.name(), f.email(), f.details());
        command.problems().forEach(s::reject);
        return s.valid(command);
    }

    ExtendDeadline extension(String reason) {
        return submission().valid(new ExtendDeadline(reason));
    }

    AssignRequest assignment(String assignee) {
        return submission().valid(new AssignRequest(assignee));
    }

    /** A processing activity, its control keys checked against the catalog with every other field. */
    SaveProcessingRecord processing(SaveProcessingRecord typed) {
        Submission s = submission();
        typed.problems().forEach(s::reject);
        register.unknownControls(typed.controlKeys()).ifPresent(problem -> s.reject("controlKeys", problem));
        return s.valid(typed);
    }

    /** An agreement as typed: {@code signedOn} as YYYY-MM-DD, not after today. */
    RecordAgreement agreement(String customer, String kind, String versionSigned, String signedOn, Boolean sccsIncluded) {
        Submission s = submission();
        LocalDate signed = null;
        try {
            signed = LocalDate.parse(signedOn == null ? "" : signedOn.strip());
        } catch (DateTimeParseException e) {
            s.reject("signedOn", "is not a date (YYYY-MM-DD)");
        }
        RecordAgreement command = new RecordAgreement(customer, kind, versionSigned, signed, Boolean.TRUE.equals(sccsIncluded));
        command.problems(LocalDate.now(clock)).forEach(s::reject);
        return s.valid(command);
    }
}
