package dev.attest.identity;

/**
 * A sign-in failed for an email that belongs to no workspace (or an invitation or token that
 * matched nothing). Not a {@link WorkspaceEvent}: the audit trail keeps it in its own chain,
 * outside every workspace.
 */
public record UnattributedSignInFailed(String actor, String action, String target, String summary) {
}
