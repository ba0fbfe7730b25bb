package dev.attest.identity;

/** A user signed out of every session at once. */
@RecordedAs("identity.sessions-ended")
public record SessionsEnded(WorkspaceId workspaceId, String actor) implements IdentityEvent.OfOwnAccount {

    @Override
    public String summary() {
        return "signed out everywhere";
    }
}
