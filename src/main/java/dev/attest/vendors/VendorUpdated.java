package dev.attest.vendors;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor's details were changed. */
@RecordedAs("vendors.updated")
public record VendorUpdated(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements VendorEvent {
}
