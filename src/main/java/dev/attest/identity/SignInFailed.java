package dev.attest.identity;

/**
 * A sign-in as a known member failed; published once for each workspace the account belongs to,
 * so that every workspace's admins see attempts on their members.
 */
public record SignInFailed(WorkspaceId workspaceId, String email, String reason) implements IdentityEvent {

    @Override
    public String actor() {
        return email;
    }

    @Override
    public String action() {
        return "identity.sign-in-failed";
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
