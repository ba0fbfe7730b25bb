package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.ChangePolicy;
import dev.attest.policies.CreatePolicy;
import dev.attest.policies.EditDraft;
import dev.attest.policies.VersionAction;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a page's form or an API request sent, as text, into the module's typed commands: the
 * same conversions and messages for both, every bad field named at once under the request's field
 * names.
 */
@Component
@RequiredArgsConstructor
class PolicyForms {

    private static final String NOT_A_MEMBER = "must be a member of this workspace";

    private final Validator validator;
    private final Clock clock;
    private final Drafting drafting;

    CreatePolicy create(WorkspaceId workspace, String title, String body, String owner) {
        Submission s = new Submission(validator, clock);
        owner(s, workspace, owner);
        return s.valid(new CreatePolicy(title, body, owner));
    }

    /** A change of title, owner or review date ({@code yyyy-mm-dd}); null or blank review date leaves it. */
    ChangePolicy change(WorkspaceId workspace, String title, String owner, String reviewDue) {
        Submission s = new Submission(validator, clock);
        if (owner != null) {
            owner(s, workspace, owner);
        }
        return s.valid(new ChangePolicy(title, owner, reviewDue(s, reviewDue)));
    }

    EditDraft edit(String body) {
        return new Submission(validator, clock).valid(new EditDraft(body));
    }

    /** The step a route names, or a 400 naming the steps there are. */
    static VersionAction action(String value) {
        return VersionAction.fromPath(value)
                .orElseThrow(() -> new InvalidFieldException("action", "must be one of submit, approve, publish, return"));
    }

    /**
     * A version number from the path or query. Parsed here rather than bound as an int, so that the
     * permission is checked before the value: a bad number is then a 404, never a pass.
     */
    static int version(String number) {
        try {
            return Integer.parseInt(number == null ? "" : number.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("No version " + number + " of this policy");
        }
    }

    /** Refuses a request body naming fields the route does not know. */
    static void unknownFields(Set<String> given, Set<String> known) {
        Map<String, String> errors = new LinkedHashMap<>();
        given.stream().filter(f -> !known.contains(f)).forEach(f -> errors.put(f, "is not a field here"));
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    private void owner(Submission s, WorkspaceId workspace, String owner) {
        if (!drafting.knownOwner(workspace, owner)) {
            s.reject("owner", NOT_A_MEMBER);
        }
    }

    private static LocalDate reviewDue(Submission s, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return s.reject("reviewDue", "must be a date such as 2027-01-31");
        }
    }
}
