package dev.attest.identity;

/** A user changed their password. */
public record PasswordChanged(WorkspaceId workspaceId, String actor) implements IdentityEvent {

    @Override
    public String action() {
        return "identity.password-changed";
    }

    @Override
    public String target() {
        return "user:" + actor;
    }

    @Override
    public String summary() {
        return "password changed; other sessions ended";
    }
}
