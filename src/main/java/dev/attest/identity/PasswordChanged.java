package dev.attest.identity;

/** A user changed their password. */
@RecordedAs("identity.password-changed")
public record PasswordChanged(WorkspaceId workspaceId, String actor) implements IdentityEvent.OfOwnAccount {

    @Override
    public String summary() {
        return "password changed; other sessions ended";
    }
}
