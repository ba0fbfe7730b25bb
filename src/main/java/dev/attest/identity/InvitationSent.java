package dev.attest.identity;

/** An admin invited someone by email to join the workspace in a role. */
@RecordedAs("identity.invitation-sent")
public record InvitationSent(WorkspaceId workspaceId, String actor, String email, Role role) implements IdentityEvent.OfUser {

    @Override
    public String summary() {
        return "invited as " + role.wireName();
    }
}
