package dev.attest.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A security or privacy incident as reported and triaged.
 *
 * @param severity         null until triaged
 * @param lead             the member leading the response, or null
 * @param data             the kinds of data affected
 * @param systems          the systems affected, by name
 * @param customers        the customers affected, by name
 * @param residentsByState of the individuals affected, how many live in each US state (for HIPAA's media notice)
 * @param breach           whether it was determined to be a breach; then the notification clocks run
 */
public record Incident(UUID id, String title, String description, String reportedBy, Instant reportedAt, Instant discoveredAt,
                       Severity severity, IncidentStatus status, String lead, Set<DataCategory> data, List<String> systems,
                       List<String> customers, int individualsAffected, Map<String, Integer> residentsByState,
                       boolean breach, BreachRisk breachRisk, Instant breachAwareAt, Instant breachDeterminedAt,
                       String breachDeterminedBy, Instant closedAt, Instant updatedAt, String updatedBy) {

    public Incident {
        data = Set.copyOf(data);
        systems = List.copyOf(systems);
        customers = List.copyOf(customers);
        residentsByState = Map.copyOf(residentsByState);
    }
}
