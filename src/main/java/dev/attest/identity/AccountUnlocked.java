package dev.attest.identity;

/** An admin lifted a sign-in lock before it ran out. */
@RecordedAs("identity.account-unlocked")
public record AccountUnlocked(WorkspaceId workspaceId, String actor, String email) implements IdentityEvent.OfUser {

    @Override
    public String summary() {
        return "sign-in lock lifted";
    }
}
