package dev.attest.identity;

/** An admin handed a service token to another member, who now answers for it. */
@RecordedAs("identity.token-owner-changed")
public record ApiTokenOwnerChanged(WorkspaceId workspaceId, String actor, java.util.UUID tokenId, String name, String previousOwner,
                                   String newOwner) implements IdentityEvent.OfToken {

    @Override
    public String summary() {
        return "service token \"" + name + "\" handed from " + (previousOwner == null ? "nobody" : previousOwner) + " to " + newOwner;
    }
}
