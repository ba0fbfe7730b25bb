package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.Incident;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.OpenActionItem;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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
@RequiredArgsConstructor
class IncidentObligations implements ObligationSource {

    private final IncidentStore store;
    private final NoticeSettings settings;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public List<Obligation> obligations(WorkspaceId workspace) {
        List<Obligation> duties = new ArrayList<>();
        Map<UUID, Incident> byId = store.all(workspace).stream().collect(Collectors.toMap(Incident::id, Function.identity()));
        store.allClocks(workspace).forEach((incidentId, clocks) -> {
            Incident incident = byId.get(incidentId);
            for (NotificationClock c : clocks) {
                if (c.open() && incident != null) {
                    duties.add(new Obligation("incidents:clock:" + incidentId + ":" + c.key(), "breach-clock",
                            "Notify " + c.recipient() + " (" + c.rule() + "): " + incident.title(), incident.lead(), c.due(),
                            "/incidents/" + incidentId));
                }
            }
        });
        for (OpenActionItem open : store.openActions(workspace)) {
            duties.add(new Obligation("incidents:action:" + open.item().id(), "postmortem-action",
                    open.item().description() + " (" + open.incidentTitle() + ")", open.item().owner(),
                    open.item().dueOn().atStartOfDay(settings.settings(workspace).zone()).toInstant(),
                    "/incidents/" + open.incidentId()));
        }
        List<Exercise> exercises = store.exercises(workspace);
        LocalDate due = exercises.isEmpty() ? LocalDate.now(clock) : exercises.get(0).heldOn().plusYears(1);
        duties.add(new Obligation("incidents:exercise", "incident-exercise", "Yearly incident-response exercise", null,
                due.atStartOfDay(settings.settings(workspace).zone()).toInstant(), "/incidents/exercises"));
        return duties;
    }
}
