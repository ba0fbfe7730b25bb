package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.Incident;
import dev.attest.incidents.Incidents;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.OpenActionItem;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The incidents module's duties for the calendar: every breach notification not yet recorded (owned
 * by the incident's lead), every open post-mortem action item, and the yearly incident-response
 * exercise (due now when none was ever recorded).
 */
@Component
class IncidentObligations implements ObligationSource {

    private final Incidents incidents;
    private final Clock clock;

    IncidentObligations(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        List<Obligation> duties = new ArrayList<>();
        Map<UUID, Incident> byId = incidents.list(workspace).stream().collect(Collectors.toMap(Incident::id, Function.identity()));
        incidents.allClocks(workspace).forEach((incidentId, clocks) -> {
            Incident incident = byId.get(incidentId);
            for (NotificationClock c : clocks) {
                if (c.open() && incident != null) {
                    duties.add(new Obligation("incidents:clock:" + incidentId + ":" + c.key(), "breach-clock",
                            "Notify " + c.recipient() + " (" + c.rule() + "): " + incident.title(), incident.lead(), c.due(),
                            "/incidents/" + incidentId));
                }
            }
        });
        for (OpenActionItem open : incidents.openActions(workspace)) {
            duties.add(new Obligation("incidents:action:" + open.item().id(), "postmortem-action",
                    open.item().description() + " (" + open.incidentTitle() + ")", open.item().owner(),
                    open.item().dueOn().atStartOfDay(incidents.settings(workspace).zone()).toInstant(),
                    "/incidents/" + open.incidentId()));
        }
        List<Exercise> exercises = incidents.exercises(workspace);
        LocalDate due = exercises.isEmpty() ? LocalDate.now(clock) : exercises.get(0).heldOn().plusYears(1);
        duties.add(new Obligation("incidents:exercise", "incident-exercise", "Yearly incident-response exercise", null,
                due.atStartOfDay(incidents.settings(workspace).zone()).toInstant(), "/incidents/exercises"));
        return duties;
    }
}
