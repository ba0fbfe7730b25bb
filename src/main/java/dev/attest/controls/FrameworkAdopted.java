package dev.attest.controls;

import dev.attest.identity.WorkspaceId;

import java.util.Set;

/** A workspace adopted a framework, or changed the categories it keeps in scope. */
public record FrameworkAdopted(WorkspaceId workspaceId, String frameworkId, Set<String> categories, String actor)
        implements ControlEvent {

    @Override
    public String action() {
        return "controls.framework-adopted";
    }

    @Override
    public String target() {
        return "framework:" + frameworkId;
    }

    @Override
    public String summary() {
        return "in scope: " + String.join(", ", new java.util.TreeSet<>(categories));
    }
}
