package dev.attest.controls;

import dev.attest.catalog.Control;

import java.time.Instant;

/**
 * A library control as one workspace runs it. A control nobody touched yet is {@code not_started}
 * with no owner.
 *
 * @param updatedAt null until someone first changes it
 */
public record ControlState(Control control, ImplementationStatus status, String owner, String justification,
                           String notes, Instant updatedAt, String updatedBy) {

    static ControlState untouched(Control control) {
        return new ControlState(control, ImplementationStatus.NOT_STARTED, null, null, null, null, null);
    }
}
