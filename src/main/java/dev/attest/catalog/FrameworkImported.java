package dev.attest.catalog;

import dev.attest.identity.WorkspaceId;

/** A framework was imported from an OSCAL catalog or profile; it can now be adopted by any workspace. */
public record FrameworkImported(WorkspaceId workspaceId, String frameworkId, String name, int requirements, String source,
                                String actor) implements CatalogEvent {

    @Override
    public CatalogAction kind() {
        return CatalogAction.FRAMEWORK_IMPORTED;
    }

    @Override
    public String target() {
        return "framework:" + frameworkId;
    }

    @Override
    public String summary() {
        return name + ": " + requirements + " requirements from " + source;
    }
}
