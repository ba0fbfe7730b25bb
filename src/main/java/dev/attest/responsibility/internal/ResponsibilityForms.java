package dev.attest.responsibility.internal;

import dev.attest.responsibility.ResponsibilityChange;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Turns the editor's form, as text, into the change the API receives as JSON: an id that is not a UUID is a
 * field error rather than a 500. {@link Assignments} checks the change itself, the same for the page and the API.
 */
@Component
@RequiredArgsConstructor
class ResponsibilityForms {

    private final Validator validator;
    private final Clock clock;

    ResponsibilityChange change(ResponsibilityPages.Form form) {
        Submission submission = new Submission(validator, clock);
        UUID provider = uuid(submission, "providerId", form.providerId());
        UUID report = uuid(submission, "providerReport", form.providerReport());
        ResponsibilityChange change = new ResponsibilityChange(form.party(), provider, form.providerDuty(), form.customerGuidance(), report);
        // ids that do not read are refused here; the rest, rules over the register included, all at once by Assignments
        return submission.rejected("providerId") || submission.rejected("providerReport") ? submission.valid(change) : change;
    }

    private static UUID uuid(Submission submission, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return submission.reject(field, "choose one from the list");
        }
    }
}
