package dev.attest.obligations;

import dev.attest.identity.WorkspaceId;

import java.time.LocalDate;
import java.util.UUID;

/** A recurring duty was done; it is next due on {@code nextDue}. */
public record RecurringDutyCompleted(WorkspaceId workspaceId, String actor, UUID dutyId, String title, LocalDate wasDue,
                                     LocalDate nextDue) implements ObligationEvent {

    @Override
    public ObligationAction kind() {
        return ObligationAction.DUTY_COMPLETED;
    }

    @Override
    public String target() {
        return "duty:" + dutyId;
    }

    @Override
    public String summary() {
        return title + " done (due " + wasDue + "), next due " + nextDue;
    }
}
