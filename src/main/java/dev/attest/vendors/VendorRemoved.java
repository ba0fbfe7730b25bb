package dev.attest.vendors;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was removed from the register. */
@RecordedAs("vendors.removed")
public record VendorRemoved(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements VendorEvent {
}
