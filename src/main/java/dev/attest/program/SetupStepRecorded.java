package dev.attest.program;

import dev.attest.identity.WorkspaceId;

/**
 * An admin finished or skipped a step of the first-run setup checklist.
 *
 * @param step  the step's key, e.g. {@code company}, {@code frameworks}
 * @param state {@code done} or {@code skipped}
 */
public record SetupStepRecorded(WorkspaceId workspaceId, String step, String state, String actor) implements ProgramEvent {

    @Override
    public String action() {
        return "setup." + state;
    }

    @Override
    public String target() {
        return "setup:" + step;
    }

    @Override
    public String summary() {
        return "Setup step " + step + " " + state;
    }
}
