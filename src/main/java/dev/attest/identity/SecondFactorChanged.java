package dev.attest.identity;

/**
 * A user's second factor changed: {@code enabled}, {@code disabled}, {@code recovery-code-used}
 * or {@code recovery-codes-renewed}.
 */
public record SecondFactorChanged(WorkspaceId workspaceId, String actor, String change) implements IdentityEvent.OfOwnAccount {

    @Override
    public String action() {
        return "identity.mfa-" + change;
    }

    @Override
    public String summary() {
        return "two-step sign-in " + change.replace('-', ' ');
    }
}
