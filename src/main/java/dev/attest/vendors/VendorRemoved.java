package dev.attest.vendors;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was removed from the register. */
public record VendorRemoved(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements VendorEvent {

    @Override
    public String action() {
        return "vendors.removed";
    }
}
