package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.controls.ChangeControls;
import dev.attest.controls.ControlChange;
import dev.attest.controls.ControlFilter;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.web.FieldChecks;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a control page's form or an API request sent, as text, into the module's typed commands and
 * filters: the same conversions and messages for both, every bad field named at once. Whether an owner is a
 * member is checked when the change is made ({@link ControlEdits}).
 */
@Component
@RequiredArgsConstructor
class ControlForms {

    private static final Set<String> EDITABLE = Set.of("status", "owner", "justification", "notes");

    private final Catalog catalog;
    private final Validator validator;
    private final Clock clock;

    private Submission submission() {
        return new Submission(validator, clock);
    }

    /** A status by its wire name; anything else is null, with the problem recorded against {@code field}. */
    private static ImplementationStatus status(Submission s, String value, String field, String problem) {
        return WireName.parse(ImplementationStatus.class, value).orElseGet(() -> s.reject(field, problem));
    }

    /** The control form of a page: every field as it should be afterwards. */
    ControlChange change(String status, String owner, String justification, String notes) {
        Submission s = submission();
        ImplementationStatus parsed = status(s, status, "status", "choose one of " + WireName.allowed(ImplementationStatus.class));
        ControlChange change = new ControlChange(parsed, owner, justification, notes);
        return s.rejected("status") ? s.valid(change) : change;
    }

    /** An API patch: the fields it names change, the others keep the control's value; a field a control does not have is refused. */
    ControlChange patch(ControlState current, Map<String, Object> body) {
        Submission s = submission();
        for (String field : body.keySet()) {
            if (!EDITABLE.contains(field)) {
                s.reject(field, "is not a field of a control (allowed: status, owner, justification, notes)");
            }
        }
        ImplementationStatus status = current.status();
        if (body.containsKey("status")) {
            String value = text(s, body, "status");
            status = s.rejected("status") ? null : status(s, value, "status", "'" + value + "' is not one of " + WireName.allowed(ImplementationStatus.class));
        }
        ControlChange change = new ControlChange(status,
                body.containsKey("owner") ? text(s, body, "owner") : current.owner(),
                body.containsKey("justification") ? text(s, body, "justification") : current.justification(),
                body.containsKey("notes") ? text(s, body, "notes") : current.notes());
        boolean refused = body.keySet().stream().anyMatch(s::rejected);
        return refused ? s.valid(change) : change;
    }

    private static String text(Submission s, Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        return s.reject(field, "must be a string");
    }

    /** A bulk change from the library's form or the API: an owner, a status or both, over at most 500 controls. */
    ChangeControls bulk(List<String> keys, String owner, String status, String justification) {
        Submission s = submission();
        boolean ownerGiven = owner != null && !owner.isBlank();
        boolean statusGiven = status != null && !status.isBlank();
        if (!ownerGiven && !statusGiven) {
            s.reject("owner", "give an owner, a status or both");
        }
        ImplementationStatus parsed = !statusGiven ? null
                : status(s, status.strip(), "status", "choose one of " + WireName.allowed(ImplementationStatus.class));
        return s.valid(new ChangeControls(keys, owner, parsed, justification));
    }

    /** The library's filters, refusing values that name nothing. */
    ControlFilter filter(String domain, String framework, String status, String owner, String query) {
        Submission s = submission();
        domain = FieldChecks.trimmed(domain);
        framework = FieldChecks.trimmed(framework);
        status = FieldChecks.trimmed(status);
        if (domain != null && catalog.domain(domain).isEmpty()) {
            s.reject("domain", "'" + domain + "' is not a domain of the catalog");
        }
        if (framework != null && catalog.framework(framework).isEmpty()) {
            s.reject("framework", "'" + framework + "' is not a framework of the catalog");
        }
        String wanted = status;
        ImplementationStatus parsed = wanted == null ? null : status(s, wanted, "status", "'" + wanted + "' is not one of " + WireName.allowed(ImplementationStatus.class));
        return s.valid(new ControlFilter(domain, framework, parsed, FieldChecks.trimmed(owner), FieldChecks.trimmed(query)));
    }

    /** A whole-number query parameter; anything else is a 400 naming it. */
    static int number(String field, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a whole number");
        }
    }
}
