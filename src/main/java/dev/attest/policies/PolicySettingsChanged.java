package dev.attest.policies;

import dev.attest.identity.WorkspaceId;

/** An admin changed the workspace settings that fill template placeholders. */
public record PolicySettingsChanged(WorkspaceId workspaceId, java.util.Set<String> names, String actor) implements PolicyEvent {

    @Override
    public PolicyAction kind() {
        return PolicyAction.SETTINGS_CHANGED;
    }

    /** Settings belong to the workspace, not to one policy. */
    @Override
    public java.util.UUID policyId() {
        return null;
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
