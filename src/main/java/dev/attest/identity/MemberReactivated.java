package dev.attest.identity;

/** An admin reactivated a member. */
public record MemberReactivated(WorkspaceId workspaceId, String actor, String email) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.member-reactivated";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "reactivated";
    }
}
