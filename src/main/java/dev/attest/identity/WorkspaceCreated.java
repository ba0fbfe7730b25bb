package dev.attest.identity;

/** A workspace was created; modules set up its defaults in the same transaction. */
public record WorkspaceCreated(WorkspaceId workspaceId, String slug, String name) {
}
