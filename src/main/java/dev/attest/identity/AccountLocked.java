package dev.attest.identity;

import java.time.Instant;

/** Too many failed sign-ins: the account (or the address it was tried from) is locked until a time. */
@RecordedAs("identity.account-locked")
public record AccountLocked(WorkspaceId workspaceId, String email, String address, Instant until) implements IdentityEvent.OfUser {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String summary() {
        return "sign-in locked until " + until + " after repeated failures" + (address == null ? "" : " (address " + address + ")");
    }
}
