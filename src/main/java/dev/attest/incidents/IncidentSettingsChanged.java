package dev.attest.incidents;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** The workspace's notification settings changed. */
public record IncidentSettingsChanged(WorkspaceId workspaceId, String actor, IncidentSettings settings) implements WorkspaceEvent {

    @Override
    public String action() {
        return "incidents.settings-changed";
    }

    @Override
    public String target() {
        return "incident-settings";
    }

    @Override
    public String summary() {
        return "customer notice " + settings.customerNoticeHours() + " hours, time zone " + settings.zone();
    }
}
