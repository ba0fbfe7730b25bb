package dev.attest.policies;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** An admin changed the workspace settings that fill template placeholders. */
public record PolicySettingsChanged(WorkspaceId workspaceId, java.util.Set<String> names, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "policies.settings-changed";
    }

    @Override
    public String target() {
        return "policy-settings";
    }

    @Override
    public String summary() {
        return "settings changed: " + String.join(", ", new java.util.TreeSet<>(names));
    }
}
