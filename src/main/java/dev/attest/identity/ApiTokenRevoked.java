package dev.attest.identity;

/** An API token was revoked. */
@RecordedAs("identity.token-revoked")
public record ApiTokenRevoked(WorkspaceId workspaceId, String actor, java.util.UUID tokenId, String name) implements IdentityEvent.OfToken {

    @Override
    public String summary() {
        return "token \"" + name + "\" revoked";
    }
}
