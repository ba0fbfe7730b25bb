package dev.attest.vendors;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was added in the register. */
@RecordedAs("vendors.added")
public record VendorAdded(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements VendorEvent {
}
