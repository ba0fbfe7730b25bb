package dev.attest.incidents;

import java.util.List;
import java.util.Map;

/**
 * Triage of an incident as submitted, before validation: text where a bad value must be named.
 * {@link #of(Incident)} gives the current values, so that a caller changes only what it sends.
 */
public record IncidentChange(String title, String description, String discoveredAt, String severity, String status, String lead,
                             List<String> data, List<String> systems, List<String> customers, String individualsAffected,
                             Map<String, String> residentsByState) {

    public IncidentChange {
        data = data == null ? List.of() : List.copyOf(data);
        systems = systems == null ? List.of() : List.copyOf(systems);
        customers = customers == null ? List.of() : List.copyOf(customers);
        residentsByState = residentsByState == null ? Map.of() : Map.copyOf(residentsByState);
    }

    public static IncidentChange of(Incident i) {
        Map<String, String> states = new java.util.TreeMap<>();
        i.residentsByState().forEach((k, v) -> states.put(k, String.valueOf(v)));
        return new IncidentChange(i.title(), i.description(), i.discoveredAt().toString(), WireName.of(i.severity()),
                WireName.of(i.status()), i.lead(), i.data().stream().map(WireName::of).sorted().toList(), i.systems(), i.customers(),
                String.valueOf(i.individualsAffected()), states);
    }
}
