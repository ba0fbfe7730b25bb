package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;


/** The workspace's notification settings changed. */
@RecordedAs("incidents.settings-changed")
public record IncidentSettingsChanged(WorkspaceId workspaceId, String actor, IncidentSettings settings) implements IncidentEvent {

    @Override
    public String target() {
        return "incident-settings";
    }

    @Override
    public String summary() {
        return "customer notice " + settings.customerNoticeHours() + " hours, time zone " + settings.zone();
    }
}
