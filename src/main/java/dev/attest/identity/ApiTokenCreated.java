package dev.attest.identity;

/** An API token was created (its value is never recorded). */
public record ApiTokenCreated(WorkspaceId workspaceId, String actor, java.util.UUID tokenId, String name, String kind, String scope) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.token-created";
    }

    @Override
    public String target() {
        return "token:" + tokenId;
    }

    @Override
    public String summary() {
        return kind + " token \"" + name + "\" created with " + scope + " scope";
    }
}
