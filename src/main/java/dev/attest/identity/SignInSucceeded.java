package dev.attest.identity;

/** Someone signed in (with a password, a second factor or single sign-on) and started a session in this workspace. */
@RecordedAs("identity.sign-in-succeeded")
public record SignInSucceeded(WorkspaceId workspaceId, String email, String method) implements IdentityEvent.BySelf {

    @Override
    public String summary() {
        return "signed in with " + method;
    }
}
