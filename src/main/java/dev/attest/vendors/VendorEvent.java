package dev.attest.vendors;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * What happened in the vendor register, one record per fact; the audit trail records each under its
 * {@link dev.attest.identity.RecordedAs} name.
 */
public sealed interface VendorEvent extends WorkspaceEvent permits VendorAdded, VendorUpdated, VendorRemoved {

    UUID vendorId();

    String name();

    /** The past-tense verb of the action, e.g. {@code added} for {@code vendors.added}. */
    private String verb() {
        return action().substring("vendors.".length());
    }

    @Override
    default String target() {
        return "vendor:" + vendorId();
    }

    @Override
    default String summary() {
        return "vendor " + name() + " " + verb();
    }
}
