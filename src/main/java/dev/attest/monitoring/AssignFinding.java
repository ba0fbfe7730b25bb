package dev.attest.monitoring;

import jakarta.validation.constraints.Size;

import java.util.Locale;

/** Give the finding to a member; blank takes it back to the control's owner. */
public record AssignFinding(@Size(max = 320) String assignee) {
    public String member() {
        return assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(Locale.ROOT);
    }
}
