package dev.attest.obligations;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** The number of days before a due date at which owners are reminded was changed. */
@RecordedAs("obligations.reminders-configured")
public record ReminderLeadTimeChanged(WorkspaceId workspaceId, String actor, int days) implements ObligationEvent {

    @Override
    public String target() {
        return "obligations:reminders";
    }

    @Override
    public String summary() {
        return "reminders sent " + days + " day(s) before due";
    }
}
