package dev.attest.identity;

/** Someone followed an invitation link and joined the workspace. */
@RecordedAs("identity.invitation-accepted")
public record InvitationAccepted(WorkspaceId workspaceId, String email, Role role, boolean newAccount) implements IdentityEvent.BySelf {

    @Override
    public String summary() {
        return "joined as " + role.wireName() + (newAccount ? " with a new account" : "");
    }
}
