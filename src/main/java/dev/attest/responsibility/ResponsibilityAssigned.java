package dev.attest.responsibility;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A control's responsibility changed hands, or its guidance changed. */
@RecordedAs("responsibility.assigned")
public record ResponsibilityAssigned(WorkspaceId workspaceId, String control, String party, String provider, String actor)
        implements ResponsibilityEvent {

    @Override
    public String target() {
        return "control:" + control;
    }

    @Override
    public String summary() {
        return party + (provider == null ? "" : " (" + provider + ")");
    }
}
