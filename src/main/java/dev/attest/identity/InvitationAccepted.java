package dev.attest.identity;

/** Someone followed an invitation link and joined the workspace. */
public record InvitationAccepted(WorkspaceId workspaceId, String email, Role role, boolean newAccount) implements IdentityEvent {

    @Override
    public String actor() {
        return email;
    }

    @Override
    public String action() {
        return "identity.invitation-accepted";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "joined as " + role.wireName() + (newAccount ? " with a new account" : "");
    }
}
