package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.Incident;
import dev.attest.incidents.NotificationClock;
import dev.attest.web.WireName;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
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
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (NotificationClock c : clocks) {
            ResourceData n = new ResourceData()
                    .put("key", c.key())
                    .put("rule", c.rule())
                    .put("recipient", c.recipient())
                    .time("dueAt", c.due());
            if (c.sentAt() != null) {
                n.time("sentAt", c.sentAt()).put("evidence", c.evidence());
            }
            notifications.add(n.map());
        }
        return new ResourceData()
                .put("id", i.id().toString())
                .put("title", i.title())
                .name("severity", i.severity())
                .name("status", i.status())
                .time("reportedAt", i.reportedAt())
                .time("discoveredAt", i.discoveredAt())
                .time("closedAt", i.closedAt())
                .put("data", i.data().stream().map(WireName::of).sorted().toList())
                .put("systems", i.systems())
                .put("customersAffected", (long) i.customers().size())
                .put("individualsAffected", (long) i.individualsAffected())
                .put("breach", i.breach())
                .name("breachRisk", i.breachRisk())
                .time("breachAwareAt", i.breachAwareAt())
                .put("notifications", notifications)
                .put("openNotifications", clocks.stream().filter(NotificationClock::open).count())
                .resource(INCIDENT, i.id().toString());
    }

    static Resource exercise(Exercise e, boolean latest) {
        return new ResourceData()
                .put("id", e.id().toString())
                .put("latest", latest)
                .put("recorded", true)
                .put("heldOn", e.heldOn().toString())
                .startOf("heldAt", e.heldOn())
                .put("scenario", e.scenario())
                .put("participants", e.participants())
                .optional("findings", e.findings())
                .resource(EXERCISE, e.id().toString());
    }
}
