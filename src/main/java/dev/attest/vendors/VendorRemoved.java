package dev.attest.vendors;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was removed in the register. */
public record VendorRemoved(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "vendors.removed";
    }

    @Override
    public String target() {
        return "vendor:" + vendorId;
    }

    @Override
    public String summary() {
        return "vendor " + name + " removed";
    }
}
