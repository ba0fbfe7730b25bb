package dev.attest.vendors;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A vendor was added in the register. */
public record VendorAdded(WorkspaceId workspaceId, UUID vendorId, String name, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "vendors.added";
    }

    @Override
    public String target() {
        return "vendor:" + vendorId;
    }

    @Override
    public String summary() {
        return "vendor " + name + " added";
    }
}
