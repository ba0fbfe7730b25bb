package dev.attest.catalog;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A framework was imported from an OSCAL catalog or profile; it can now be adopted by any workspace. */
@RecordedAs("catalog.framework-imported")
public record FrameworkImported(WorkspaceId workspaceId, String frameworkId, String name, int requirements, String source,
                                String actor) implements CatalogEvent {

    @Override
    public String target() {
        return "framework:" + frameworkId;
    }

    @Override
    public String summary() {
        return name + ": " + requirements + " requirements from " + source;
    }
}
