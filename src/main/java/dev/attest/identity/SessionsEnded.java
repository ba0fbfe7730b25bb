package dev.attest.identity;

/** A user signed out of every session at once. */
public record SessionsEnded(WorkspaceId workspaceId, String actor) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.sessions-ended";
    }

    @Override
    public String target() {
        return "user:" + actor;
    }

    @Override
    public String summary() {
        return "signed out everywhere";
    }
}
