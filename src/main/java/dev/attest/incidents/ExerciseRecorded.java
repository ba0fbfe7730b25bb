package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident-response exercise was recorded. */
public record ExerciseRecorded(WorkspaceId workspaceId, String actor, Exercise exercise) implements IncidentEvent {

    @Override
    public IncidentAction kind() {
        return IncidentAction.EXERCISE_RECORDED;
    }

    @Override
    public UUID incidentId() {
        return null;
    }

    @Override
    public String target() {
        return "exercise:" + exercise.id();
    }

    @Override
    public String summary() {
        return "exercise of " + exercise.heldOn();
    }
}
