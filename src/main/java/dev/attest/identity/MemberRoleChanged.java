package dev.attest.identity;

/** An admin changed a member's role in a workspace. */
@RecordedAs("identity.member-role-changed")
public record MemberRoleChanged(WorkspaceId workspaceId, String actor, String email, Role previousRole, Role role) implements IdentityEvent.OfUser {

    @Override
    public String summary() {
        return "role " + previousRole.wireName() + " -> " + role.wireName();
    }
}
