package dev.attest.vendors;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was updated in the register. */
public record VendorUpdated(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "vendors.updated";
    }

    @Override
    public String target() {
        return "vendor:" + vendorId;
    }

    @Override
    public String summary() {
        return "vendor " + name + " updated";
    }
}
