package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The requester's personal data of a closed request was erased after the retention period. */
@RecordedAs("privacy.request-purged")
public record DataSubjectDataPurged(WorkspaceId workspaceId, UUID requestId, String reference) implements PrivacyEvent.OfRequest {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String summary() {
        return "requester's personal data purged";
    }
}
