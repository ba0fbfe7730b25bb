package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Triage of an incident: what is known now. {@link #of(Incident)} gives the current values, so that
 * a caller changes only what it sends.
 *
 * @param discoveredAt     a corrected discovery time, or null to keep it
 * @param severity         null while not yet judged
 * @param lead             the email of the member leading the response, or null
 * @param residentsByState of the individuals affected, how many live in each US state, by two-letter code
 */
public record TriageIncident(@NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String title,
                             @Size(max = 8000, message = "at most 8000 characters") String description,
                             @PastOrPresent(message = "cannot be in the future") Instant discoveredAt,
                             Severity severity,
                             @NotNull(message = "choose one of open, contained, resolved, closed") IncidentStatus status,
                             String lead,
                             Set<DataCategory> data,
                             List<@Size(max = 200, message = Names.PROBLEM) @Pattern(regexp = Names.ONE_LINE, message = Names.PROBLEM) String> systems,
                             List<@Size(max = 200, message = Names.PROBLEM) @Pattern(regexp = Names.ONE_LINE, message = Names.PROBLEM) String> customers,
                             @PositiveOrZero(message = "is not a whole number of people (0 or more)") int individualsAffected,
                             Map<@Pattern(regexp = "[A-Z]{2}", message = "is not a two-letter state code such as CA") String,
                                     @NotNull(message = "give a count for each state") @PositiveOrZero(message = "is not a whole number of people (0 or more)") Integer> residentsByState) {

    public TriageIncident {
        title = Names.text(title);
        description = Names.text(description);
        lead = Names.text(lead);
        data = data == null || data.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(data));
        systems = Names.distinct(systems);
        customers = Names.distinct(customers);
        residentsByState = residentsByState == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(residentsByState));
    }

    /** The same triage with the lead's email as the workspace spells it. */
    public TriageIncident withLead(String email) {
        return new TriageIncident(title, description, discoveredAt, severity, status, email, data, systems, customers,
                individualsAffected, residentsByState);
    }

    /** The same triage moving the incident to {@code next}. */
    public TriageIncident withStatus(IncidentStatus next) {
        return new TriageIncident(title, description, discoveredAt, severity, next, lead, data, systems, customers,
                individualsAffected, residentsByState);
    }

    /** The incident's triage as it stands. */
    public static TriageIncident of(Incident i) {
        return new TriageIncident(i.title(), i.description(), null, i.severity(), i.status(), i.lead(), i.data(), i.systems(),
                i.customers(), i.individualsAffected(), i.residentsByState());
    }
}
