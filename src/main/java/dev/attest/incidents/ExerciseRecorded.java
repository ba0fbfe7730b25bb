package dev.attest.incidents;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** An incident-response exercise was recorded. */
public record ExerciseRecorded(WorkspaceId workspaceId, String actor, Exercise exercise) implements WorkspaceEvent {

    @Override
    public String action() {
        return "incidents.exercise-recorded";
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
