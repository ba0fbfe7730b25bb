package dev.attest.controls;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One owner or status change over many controls, all or none. A field left out keeps each control's own value.
 *
 * @param owner         a member's email, {@code none} to clear the owner, or null to keep each control's
 * @param status        the status to set, or null to keep each control's
 * @param justification goes with not_applicable; null keeps each control's
 */
public record ChangeControls(@NotEmpty(message = "name at least one control") @Size(max = 500) List<String> keys, String owner,
                             ImplementationStatus status, String justification) {

    public ChangeControls {
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        justification = justification == null || justification.isBlank() ? null : justification;
    }

    /** Whether the change clears the owner of every control. */
    public boolean clearsOwner() {
        return "none".equals(owner);
    }
}
