package dev.attest.obligations;

import dev.attest.identity.WorkspaceId;

import java.time.LocalDate;
import java.util.UUID;

/** A recurring duty was added to the calendar. */
public record RecurringDutyScheduled(WorkspaceId workspaceId, String actor, UUID dutyId, DutyKind dutyKind, String title,
                                     LocalDate firstDue) implements ObligationEvent {

    @Override
    public ObligationAction kind() {
        return ObligationAction.DUTY_SCHEDULED;
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
