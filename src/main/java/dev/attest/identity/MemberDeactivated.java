package dev.attest.identity;

/** An admin deactivated a member: the member's sessions and tokens in the workspace end at once. */
public record MemberDeactivated(WorkspaceId workspaceId, String actor, String email, int tokensRevoked) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.member-deactivated";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "deactivated; sessions ended, " + tokensRevoked + " token(s) revoked";
    }
}
