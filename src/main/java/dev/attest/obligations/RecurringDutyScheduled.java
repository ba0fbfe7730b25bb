package dev.attest.obligations;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.time.LocalDate;
import java.util.UUID;

/** A recurring duty was added to the calendar. */
@RecordedAs("obligations.duty-scheduled")
public record RecurringDutyScheduled(WorkspaceId workspaceId, String actor, UUID dutyId, DutyKind dutyKind, String title,
                                     LocalDate firstDue) implements ObligationEvent.OfDuty {

    @Override
    public String summary() {
        return title + " scheduled, first due " + firstDue;
    }
}
