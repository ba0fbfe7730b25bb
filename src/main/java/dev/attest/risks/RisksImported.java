package dev.attest.risks;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A CSV file of risks was imported, all of its rows at once. */
@RecordedAs("risks.imported")
public record RisksImported(WorkspaceId workspaceId, String actor, int created, int updated) implements RiskEvent {

    @Override
    public String target() {
        return "risk-register";
    }

    @Override
    public String summary() {
        return created + " risks created, " + updated + " updated from CSV";
    }
}
