package dev.attest.obligations;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.time.LocalDate;
import java.util.UUID;

/** A recurring duty was added to the calendar. */
public record RecurringDutyScheduled(WorkspaceId workspaceId, String actor, UUID dutyId, String kind, String title,
                                     LocalDate firstDue) implements WorkspaceEvent {

    @Override
    public String action() {
        return "obligations.duty-scheduled";
    }

    @Override
    public String target() {
        return "duty:" + dutyId;
    }

    @Override
    public String summary() {
        return title + " scheduled, first due " + firstDue;
    }
}
