package dev.attest.identity;

import java.time.Instant;

/** Too many failed sign-ins: the account (or the address it was tried from) is locked until a time. */
public record AccountLocked(WorkspaceId workspaceId, String email, String address, Instant until) implements IdentityEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "identity.account-locked";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "sign-in locked until " + until + " after repeated failures" + (address == null ? "" : " (address " + address + ")");
    }
}
