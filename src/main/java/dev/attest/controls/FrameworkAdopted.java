package dev.attest.controls;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.Set;

/** A workspace adopted a framework, or changed the categories it keeps in scope. */
@RecordedAs("controls.framework-adopted")
public record FrameworkAdopted(WorkspaceId workspaceId, String frameworkId, Set<String> categories, String actor)
        implements ControlEvent.OfFramework {

    @Override
    public String summary() {
        return "in scope: " + String.join(", ", new java.util.TreeSet<>(categories));
    }
}
