package dev.attest.controls;

import dev.attest.identity.WorkspaceId;

import java.util.Set;

/** A workspace adopted a framework, or changed the categories it keeps in scope. */
public record FrameworkAdopted(WorkspaceId workspaceId, String frameworkId, Set<String> categories, String actor) {
}
