package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Incident;
import dev.attest.incidents.TriageIncident;
import dev.attest.web.WireName;
import dev.attest.web.InvalidFieldException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A triage sent to the API as a partial JSON object: the fields it names change, the others keep
 * their value. A field that is not part of triage, or of the wrong JSON type, is refused by name.
 */
record TriagePatch(Map<String, Object> body) {

    private static final Set<String> FIELDS = Set.of("title", "description", "discoveredAt", "severity", "status", "lead",
            "data", "systems", "customers", "individualsAffected", "residentsByState");

    static TriagePatch of(Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidFieldException(field, "is not a field of an incident (allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        return new TriagePatch(body);
    }

    /** The incident's triage with the sent fields changed, as a checked command. */
    TriageIncident apply(IncidentForms forms, WorkspaceId workspace, Incident c) {
        Map<String, String> states = new TreeMap<>();
        c.residentsByState().forEach((state, n) -> states.put(state, String.valueOf(n)));
        return forms.triage(workspace, text("title", c.title()), text("description", c.description()), text("discoveredAt", null),
                text("severity", WireName.of(c.severity())), text("status", WireName.of(c.status())), text("lead", c.lead()),
                list("data", c.data().stream().map(WireName::of).toList()), list("systems", c.systems()),
                list("customers", c.customers()), text("individualsAffected", String.valueOf(c.individualsAffected())), states(states));
    }

    private String text(String field, String current) {
        if (!body.containsKey(field)) {
            return current;
        }
        Object v = body.get(field);
        if (v == null || v instanceof String || v instanceof Number) {
            return v == null ? null : v.toString();
        }
        throw new InvalidFieldException(field, "must be a string or a number");
    }

    private List<String> list(String field, List<String> current) {
        if (!body.containsKey(field)) {
            return current;
        }
        Object v = body.get(field);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
            List<String> strings = new ArrayList<>();
            items.forEach(i -> strings.add((String) i));
            return strings;
        }
        throw new InvalidFieldException(field, "must be a list of strings");
    }

    private Map<String, String> states(Map<String, String> current) {
        if (!body.containsKey("residentsByState")) {
            return current;
        }
        Object v = body.get("residentsByState");
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, String> states = new LinkedHashMap<>();
            map.forEach((k, n) -> states.put(String.valueOf(k), n == null ? null : n.toString()));
            return states;
        }
        throw new InvalidFieldException("residentsByState", "must be an object of state code to count, e.g. {\"CA\": 600}");
    }
}
