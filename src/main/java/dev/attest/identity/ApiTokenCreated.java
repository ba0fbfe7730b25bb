package dev.attest.identity;

/** An API token was created (its value is never recorded). */
@RecordedAs("identity.token-created")
public record ApiTokenCreated(WorkspaceId workspaceId, String actor, java.util.UUID tokenId, String name, String kind, String scope) implements IdentityEvent.OfToken {

    @Override
    public String summary() {
        return kind + " token \"" + name + "\" created with " + scope + " scope";
    }
}
