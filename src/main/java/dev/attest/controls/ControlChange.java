package dev.attest.controls;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The new state of a control as someone sets it: every field as it should be afterwards. Blank text is
 * absent and the rest is stripped. That the owner is a member and that not_applicable is justified are
 * checked against the workspace when the change is made.
 *
 * @param owner         the email of a workspace member, or null for nobody
 * @param justification required when the status is {@code not_applicable}
 */
public record ControlChange(
        @NotNull(message = "must be one of not_started, in_progress, implemented, not_applicable") ImplementationStatus status,
        String owner,
        @Size(max = ControlChange.MAX_JUSTIFICATION, message = "at most 4000 characters") String justification,
        @Size(max = ControlChange.MAX_NOTES, message = "at most 8000 characters") String notes) {

    public static final int MAX_JUSTIFICATION = 4000;
    public static final int MAX_NOTES = 8000;

    public ControlChange {
        owner = tidy(owner);
        justification = tidy(justification);
        notes = tidy(notes);
    }

    /** The change with another status. */
    public ControlChange withStatus(ImplementationStatus status) {
        return new ControlChange(status, owner, justification, notes);
    }

    private static String tidy(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
