package dev.attest.controls;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A workspace stopped pursuing a framework; its control states stay, shared with other frameworks. */
@RecordedAs("controls.framework-dropped")
public record FrameworkDropped(WorkspaceId workspaceId, String frameworkId, String actor) implements ControlEvent.OfFramework {

    @Override
    public String summary() {
        return "framework no longer pursued";
    }
}
