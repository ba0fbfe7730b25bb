package dev.attest.identity;

/**
 * A sign-in as a known member failed; published once for each workspace the account belongs to,
 * so that every workspace's admins see attempts on their members.
 */
@RecordedAs("identity.sign-in-failed")
public record SignInFailed(WorkspaceId workspaceId, String email, String reason) implements IdentityEvent.BySelf {

    @Override
    public String summary() {
        return reason;
    }
}
