package dev.attest.controls;

import dev.attest.identity.WorkspaceId;

/** A workspace stopped pursuing a framework; its control states stay, shared with other frameworks. */
public record FrameworkDropped(WorkspaceId workspaceId, String frameworkId, String actor) {
}
