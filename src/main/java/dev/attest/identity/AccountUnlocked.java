package dev.attest.identity;

/** An admin lifted a sign-in lock before it ran out. */
public record AccountUnlocked(WorkspaceId workspaceId, String actor, String email) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.account-unlocked";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "sign-in lock lifted";
    }
}
