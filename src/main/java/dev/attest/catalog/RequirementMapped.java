package dev.attest.catalog;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.List;

/** An admin mapped a requirement of an imported framework to controls of the library, or gave the reason none applies. */
@RecordedAs("catalog.requirement-mapped")
public record RequirementMapped(WorkspaceId workspaceId, String frameworkId, String ref, List<String> controls, String noControlReason,
                                String actor) implements CatalogEvent {

    public RequirementMapped {
        controls = List.copyOf(controls);
    }

    @Override
    public String target() {
        return "requirement:" + frameworkId + "/" + ref;
    }

    @Override
    public String summary() {
        if (!controls.isEmpty()) {
            return "mapped to " + String.join(", ", controls);
        }
        return noControlReason == null ? "unmapped" : "no control: " + noControlReason;
    }
}
