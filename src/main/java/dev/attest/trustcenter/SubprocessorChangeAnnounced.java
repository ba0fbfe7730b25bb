package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A subprocessor change was announced with its effective date, and subscribers were notified. */
@RecordedAs("trustcenter.subprocessor-announced")
public record SubprocessorChangeAnnounced(WorkspaceId workspaceId, java.util.UUID noticeId, String kind, String name, java.time.LocalDate effectiveOn, String actor) implements TrustCenterEvent {

    @Override
    public String target() {
        return "subprocessor:" + name;
    }

    @Override
    public String summary() {
        return kind + " " + name + " effective " + effectiveOn;
    }
}
