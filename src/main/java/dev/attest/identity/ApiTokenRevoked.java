package dev.attest.identity;

/** An API token was revoked. */
public record ApiTokenRevoked(WorkspaceId workspaceId, String actor, java.util.UUID tokenId, String name) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.token-revoked";
    }

    @Override
    public String target() {
        return "token:" + tokenId;
    }

    @Override
    public String summary() {
        return "token \"" + name + "\" revoked";
    }
}
