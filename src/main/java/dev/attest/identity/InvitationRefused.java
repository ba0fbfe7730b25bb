package dev.attest.identity;

/** Someone followed an invitation link that was already used or expired. */
public record InvitationRefused(WorkspaceId workspaceId, String email, String reason) implements IdentityEvent {

    @Override
    public String actor() {
        return "anonymous";
    }

    @Override
    public String action() {
        return "identity.invitation-refused";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return reason;
    }
}
