package dev.attest.identity;

/** An admin invited someone by email to join the workspace in a role. */
public record InvitationSent(WorkspaceId workspaceId, String actor, String email, Role role) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.invitation-sent";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "invited as " + role.wireName();
    }
}
