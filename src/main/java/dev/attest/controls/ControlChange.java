package dev.attest.controls;

/**
 * The new state of a control as someone sets it: every field as it should be afterwards.
 *
 * @param owner         the email of a workspace member, or null for nobody
 * @param justification required when the status is {@code not_applicable}
 */
public record ControlChange(ImplementationStatus status, String owner, String justification, String notes) {
}
