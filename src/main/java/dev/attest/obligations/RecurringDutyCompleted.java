package dev.attest.obligations;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.time.LocalDate;
import java.util.UUID;

/** A recurring duty was done; it is next due on {@code nextDue}. */
@RecordedAs("obligations.duty-completed")
public record RecurringDutyCompleted(WorkspaceId workspaceId, String actor, UUID dutyId, String title, LocalDate wasDue,
                                     LocalDate nextDue) implements ObligationEvent.OfDuty {

    @Override
    public String summary() {
        return title + " done (due " + wasDue + "), next due " + nextDue;
    }
}
