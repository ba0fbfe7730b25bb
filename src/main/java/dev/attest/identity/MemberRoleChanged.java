package dev.attest.identity;

/** An admin changed a member's role in a workspace. */
public record MemberRoleChanged(WorkspaceId workspaceId, String actor, String email, Role previousRole, Role role) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.member-role-changed";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "role " + previousRole.wireName() + " -> " + role.wireName();
    }
}
