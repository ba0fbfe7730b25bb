package dev.attest.identity;

/** An admin reactivated a member. */
@RecordedAs("identity.member-reactivated")
public record MemberReactivated(WorkspaceId workspaceId, String actor, String email) implements IdentityEvent.OfUser {

    @Override
    public String summary() {
        return "reactivated";
    }
}
