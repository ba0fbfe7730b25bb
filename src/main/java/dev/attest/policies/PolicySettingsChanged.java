package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** An admin changed the workspace settings that fill template placeholders. */
@RecordedAs("policies.settings-changed")
public record PolicySettingsChanged(WorkspaceId workspaceId, java.util.Set<String> names, String actor) implements PolicyEvent {

    /** Settings belong to the workspace, not to one policy. */
    @Override
    public String target() {
        return "policy-settings";
    }

    @Override
    public String summary() {
        return "settings changed: " + String.join(", ", new java.util.TreeSet<>(names));
    }
}
