package dev.attest.identity;

/** Someone signed in (with a password, a second factor or single sign-on) and started a session in this workspace. */
public record SignInSucceeded(WorkspaceId workspaceId, String email, String method) implements IdentityEvent {

    @Override
    public String actor() {
        return email;
    }

    @Override
    public String action() {
        return "identity.sign-in-succeeded";
    }

    @Override
    public String target() {
        return "user:" + email;
    }

    @Override
    public String summary() {
        return "signed in with " + method;
    }
}
