package dev.attest.controls;

import dev.attest.identity.WorkspaceId;

/** A workspace stopped pursuing a framework; its control states stay, shared with other frameworks. */
public record FrameworkDropped(WorkspaceId workspaceId, String frameworkId, String actor) implements ControlEvent {

    @Override
    public String action() {
        return "controls.framework-dropped";
    }

    @Override
    public String target() {
        return "framework:" + frameworkId;
    }

    @Override
    public String summary() {
        return "framework no longer pursued";
    }
}
