package dev.attest.vendors;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was added in the register. */
public record VendorAdded(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements VendorEvent {

    @Override
    public String action() {
        return "vendors.added";
    }
}
