package dev.attest.identity;

/** An admin handed a service token to another member, who now answers for it. */
public record ApiTokenOwnerChanged(WorkspaceId workspaceId, String actor, java.util.UUID tokenId, String name, String previousOwner,
                                   String newOwner) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.token-owner-changed";
    }

    @Override
    public String target() {
        return "token:" + tokenId;
    }

    @Override
    public String summary() {
        return "service token \"" + name + "\" handed from " + (previousOwner == null ? "nobody" : previousOwner) + " to " + newOwner;
    }
}
