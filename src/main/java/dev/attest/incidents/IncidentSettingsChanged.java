package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The workspace's notification settings changed. */
public record IncidentSettingsChanged(WorkspaceId workspaceId, String actor, IncidentSettings settings) implements IncidentEvent {

    @Override
    public IncidentAction kind() {
        return IncidentAction.SETTINGS_CHANGED;
    }

    @Override
    public UUID incidentId() {
        return null;
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
