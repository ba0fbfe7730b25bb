package dev.attest.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A security or privacy incident as reported and triaged. Its changes are made here: {@link #reported},
 * {@link #triage}, {@link #determinedBreach}; the services only load, store and publish.
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

    /** A new incident, open and not yet triaged; discovered when reported unless the reporter says otherwise. */
    public static Incident reported(ReportIncident report, String actor, Instant now) {
        return new Incident(UUID.randomUUID(), report.title(), report.description(), actor, now,
                report.discoveredAt() == null ? now : report.discoveredAt(), null, IncidentStatus.OPEN, null, Set.of(), report.systems(),
                List.of(), 0, Map.of(), false, null, null, null, null, null, now, actor);
    }

    /** What triage did: the incident after it, the changes in words (none when nothing changed), and whether it closed. */
    public record Triaged(Incident incident, List<String> changes, boolean closed) {

        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    /** Whether moving to {@code status} closes the incident now. */
    public boolean closesWith(IncidentStatus status) {
        return status == IncidentStatus.CLOSED && this.status != IncidentStatus.CLOSED;
    }

    /** The incident after triage; closing keeps the first closing time, reopening clears it. */
    public Triaged triage(TriageIncident t, Instant now, String actor) {
        Instant closed = t.status() == IncidentStatus.CLOSED ? (closedAt == null ? now : closedAt) : null;
        Incident after = new Incident(id, t.title(), t.description(), reportedBy, reportedAt,
                t.discoveredAt() == null ? discoveredAt : t.discoveredAt(), t.severity(), t.status(), t.lead(), t.data(), t.systems(),
                t.customers(), t.individualsAffected(), t.residentsByState(), breach, breachRisk, breachAwareAt, breachDeterminedAt,
                breachDeterminedBy, closed, now, actor);
        return new Triaged(after, changesTo(after), closesWith(t.status()));
    }

    /** The incident determined a breach: the risk to people and when the organisation became aware of it. */
    public Incident determinedBreach(BreachRisk risk, Instant awareAt, Instant now, String actor) {
        return new Incident(id, title, description, reportedBy, reportedAt, discoveredAt, severity, status, lead, data, systems,
                customers, individualsAffected, residentsByState, true, risk, awareAt, now, actor, closedAt, now, actor);
    }

    /** What the notification clocks are computed from, under the workspace's settings. */
    public BreachFacts breachFacts(IncidentSettings settings) {
        return new BreachFacts(breachAwareAt, discoveredAt, data, breachRisk, individualsAffected, residentsByState, customers,
                settings.customerNoticeHours(), settings.zone());
    }

    private List<String> changesTo(Incident a) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(title, a.title)) changes.add("Title changed to " + a.title);
        if (!Objects.equals(description, a.description)) changes.add("Description changed");
        if (!Objects.equals(discoveredAt, a.discoveredAt)) changes.add("Discovered at " + a.discoveredAt);
        if (severity != a.severity) changes.add("Severity " + (a.severity == null ? "cleared" : "set to " + a.severity.wireName()));
        if (status != a.status) changes.add("Status " + status.wireName() + " → " + a.status.wireName());
        if (!Objects.equals(lead, a.lead)) changes.add("Lead " + (a.lead == null ? "cleared" : "set to " + a.lead));
        if (!data.equals(a.data)) changes.add("Data affected: " + (a.data.isEmpty() ? "none"
                : String.join(", ", a.data.stream().map(DataCategory::wireName).sorted().toList())));
        if (!systems.equals(a.systems)) changes.add("Systems affected: " + (a.systems.isEmpty() ? "none" : String.join(", ", a.systems)));
        if (!customers.equals(a.customers)) changes.add("Customers affected: " + (a.customers.isEmpty() ? "none" : String.join(", ", a.customers)));
        if (individualsAffected != a.individualsAffected) changes.add("Individuals affected: " + a.individualsAffected);
        if (!residentsByState.equals(a.residentsByState)) changes.add("Residents by state: " + new TreeMap<>(a.residentsByState));
        return changes;
    }
}
