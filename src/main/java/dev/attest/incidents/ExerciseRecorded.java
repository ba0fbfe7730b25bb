package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;


/** An incident-response exercise was recorded. */
@RecordedAs("incidents.exercise-recorded")
public record ExerciseRecorded(WorkspaceId workspaceId, String actor, Exercise exercise) implements IncidentEvent {

    @Override
    public String target() {
        return "exercise:" + exercise.id();
    }

    @Override
    public String summary() {
        return "exercise of " + exercise.heldOn();
    }
}
