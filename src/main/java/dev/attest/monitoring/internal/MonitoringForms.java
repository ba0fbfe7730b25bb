package dev.attest.monitoring.internal;

import dev.attest.monitoring.CheckDraft;
import dev.attest.monitoring.FindingFilter;
import dev.attest.monitoring.Severity;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.WireName;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the check editor, a request body or request parameters sent, turned into monitoring's input:
 * a {@link CheckDraft} (from the page's form, or the API's body under the key of its path), a batch
 * of resources, a findings filter.
 */
final class MonitoringForms {

    private MonitoringForms() {
    }

    /** The editor form as typed, so that a refused form comes back as it was; its controls are separated by commas or spaces. */
    record CheckForm(String key, String title, String resourceType, String severity, String controls, String description,
                     String expression) {
        CheckDraft draft() {
            return new CheckDraft(key, title, resourceType, severity,
                    controls == null ? List.of() : Arrays.stream(controls.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                    description, expression);
        }
    }

    /** A refused connection form as it comes back: the name and target as typed, and the plain credential fields. */
    static Map<String, String> shownBack(ConnectionForm given, String name, String target) {
        Map<String, String> form = new LinkedHashMap<>(given.shownBack());
        form.put("name", name);
        form.put("target", target);
        return form;
    }

    /** A draft sent to {@code PUT /checks/{key}}: the key is the path's. */
    static CheckDraft keyed(String key, CheckDraft draft) {
        return new CheckDraft(key, draft.title(), draft.resourceType(), draft.severity(), draft.controls(),
                draft.description(), draft.expression());
    }

    /** Finding filters from request parameters, refusing values that name nothing. */
    static FindingFilter findingFilter(String status, String severity, String check, String owner, String control) {
        status = blank(status);
        severity = blank(severity);
        if (status != null && !Set.of("open", "accepted", "closed").contains(status)) {
            throw new InvalidFieldException("status", "one of open, accepted, closed");
        }
        Severity parsed = null;
        if (severity != null) {
            String value = severity;
            parsed = WireName.parse(Severity.class, severity).orElseThrow(() ->
                    new InvalidFieldException("severity", "'" + value + "' is not one of " + WireName.allowed(Severity.class)));
        }
        return new FindingFilter(status, parsed, blank(check), blank(owner), blank(control));
    }

    /** Absent when blank, stripped otherwise. */
    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
