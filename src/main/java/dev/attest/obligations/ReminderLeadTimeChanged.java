package dev.attest.obligations;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** The number of days before a due date at which owners are reminded was changed. */
public record ReminderLeadTimeChanged(WorkspaceId workspaceId, String actor, int days) implements WorkspaceEvent {

    @Override
    public String action() {
        return "obligations.reminders-configured";
    }

    @Override
    public String target() {
        return "obligations:reminders";
    }

    @Override
    public String summary() {
        return "reminders sent " + days + " day(s) before due";
    }
}
