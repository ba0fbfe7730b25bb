package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.Incident;
import dev.attest.incidents.NotificationClock;
import dev.attest.web.WireName;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Offers incidents ({@code incidents.incident}, with their notification clocks) and exercises
 * ({@code incidents.exercise}) to monitoring. Fields without a value are left out, for {@code has()}.
 * The newest exercise is marked {@code latest}; with none recorded a single placeholder
 * {@code none} stands in, so that the yearly-exercise check has something to fail.
 */
@Component
@RequiredArgsConstructor
class IncidentResources implements ResourceSource {

    static final String INCIDENT = "incidents.incident";
    static final String EXERCISE = "incidents.exercise";

    private final IncidentStore store;

    @Override
    public Set<String> types() {
        return Set.of(INCIDENT, EXERCISE);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resource> resources(WorkspaceId workspace) {
        List<Resource> resources = new ArrayList<>();
        Map<UUID, List<NotificationClock>> clocks = store.allClocks(workspace);
        for (Incident i : store.all(workspace)) {
            resources.add(incident(i, clocks.getOrDefault(i.id(), List.of())));
        }
        List<Exercise> exercises = store.exercises(workspace);
        if (exercises.isEmpty()) {
            resources.add(new Resource(EXERCISE, "none", Map.of("latest", true, "recorded", false)));
        }
        for (int n = 0; n < exercises.size(); n++) {
            resources.add(exercise(exercises.get(n), n == 0));
        }
        return resources;
    }

    static Resource incident(Incident i, List<NotificationClock> clocks) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", i.id().toString());
        data.put("title", i.title());
        if (i.severity() != null) {
            data.put("severity", i.severity().wireName());
        }
        data.put("status", i.status().wireName());
        data.put("reportedAt", i.reportedAt().toString());
        data.put("discoveredAt", i.discoveredAt().toString());
        if (i.closedAt() != null) {
            data.put("closedAt", i.closedAt().toString());
        }
        data.put("data", i.data().stream().map(WireName::of).sorted().toList());
        data.put("systems", i.systems());
        data.put("customersAffected", (long) i.customers().size());
        data.put("individualsAffected", (long) i.individualsAffected());
        data.put("breach", i.breach());
        if (i.breachRisk() != null) {
            data.put("breachRisk", i.breachRisk().wireName());
        }
        if (i.breachAwareAt() != null) {
            data.put("breachAwareAt", i.breachAwareAt().toString());
        }
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (NotificationClock c : clocks) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("key", c.key());
            n.put("rule", c.rule());
            n.put("recipient", c.recipient());
            n.put("dueAt", c.due().toString());
            if (c.sentAt() != null) {
                n.put("sentAt", c.sentAt().toString());
                n.put("evidence", c.evidence());
            }
            notifications.add(n);
        }
        data.put("notifications", notifications);
        data.put("openNotifications", clocks.stream().filter(NotificationClock::open).count());
        return new Resource(INCIDENT, i.id().toString(), data);
    }

    static Resource exercise(Exercise e, boolean latest) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", e.id().toString());
        data.put("latest", latest);
        data.put("recorded", true);
        data.put("heldOn", e.heldOn().toString());
        data.put("heldAt", e.heldOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        data.put("scenario", e.scenario());
        data.put("participants", e.participants());
        if (e.findings() != null) {
            data.put("findings", e.findings());
        }
        return new Resource(EXERCISE, e.id().toString(), data);
    }
}
