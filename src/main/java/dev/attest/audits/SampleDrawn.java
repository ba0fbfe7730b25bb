package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A sample was drawn from a population with a recorded seed. */
@RecordedAs("audits.sample-drawn")
public record SampleDrawn(WorkspaceId workspaceId, String actor, UUID auditId, UUID sampleId, String population, int size, int populationSize, long seed, String populationHash) implements AuditEvent {

    @Override
    public String target() {
        return "audit-sample:" + sampleId;
    }

    @Override
    public String summary() {
        return size + " of " + populationSize + " " + population + " drawn with seed " + seed;
    }
}
