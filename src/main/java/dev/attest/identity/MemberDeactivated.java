package dev.attest.identity;

/** An admin deactivated a member: the member's sessions and tokens in the workspace end at once. */
@RecordedAs("identity.member-deactivated")
public record MemberDeactivated(WorkspaceId workspaceId, String actor, String email, int tokensRevoked) implements IdentityEvent.OfUser {

    @Override
    public String summary() {
        return "deactivated; sessions ended, " + tokensRevoked + " token(s) revoked";
    }
}
