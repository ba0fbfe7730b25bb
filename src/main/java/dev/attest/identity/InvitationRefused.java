package dev.attest.identity;

/** Someone followed an invitation link that was already used or expired. */
@RecordedAs("identity.invitation-refused")
public record InvitationRefused(WorkspaceId workspaceId, String email, String reason) implements IdentityEvent.OfUser {

    @Override
    public String actor() {
        return "anonymous";
    }

    @Override
    public String summary() {
        return reason;
    }
}
