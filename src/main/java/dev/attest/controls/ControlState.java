package dev.attest.controls;

import dev.attest.catalog.Control;

import java.time.Instant;
import java.util.Objects;

/**
 * A library control as one workspace runs it. A control nobody touched yet is {@code not_started}
 * with no owner.
 *
 * @param updatedAt null until someone first changes it
 */
public record ControlState(Control control, ImplementationStatus status, String owner, String justification,
                           String notes, Instant updatedAt, String updatedBy) {

    public static ControlState untouched(Control control) {
        return new ControlState(control, ImplementationStatus.NOT_STARTED, null, null, null, null, null);
    }

    /** The state after a change by {@code actor} at {@code now}, the owner spelled as the member's email. */
    public ControlState changed(ControlChange change, String ownerEmail, Instant now, String actor) {
        return new ControlState(control, change.status(), ownerEmail, change.justification(), change.notes(), now, actor);
    }

    /** Whether the other state has the same status, owner, justification and notes (who and when aside). */
    public boolean sameAs(ControlState other) {
        return status == other.status && Objects.equals(owner, other.owner) && Objects.equals(justification, other.justification)
                && Objects.equals(notes, other.notes);
    }
}
