package dev.attest.responsibility;

import dev.attest.identity.WorkspaceId;

/** A control's responsibility changed hands, or its guidance changed. */
public record ResponsibilityAssigned(WorkspaceId workspaceId, String control, String party, String provider, String actor)
        implements ResponsibilityEvent {

    @Override
    public String action() {
        return "responsibility.assigned";
    }

    @Override
    public String target() {
        return "control:" + control;
    }

    @Override
    public String summary() {
        return party + (provider == null ? "" : " (" + provider + ")");
    }
}
