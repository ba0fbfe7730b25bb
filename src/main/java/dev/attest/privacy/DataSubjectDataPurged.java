package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The requester's personal data of a closed request was erased after the retention period. */
public record DataSubjectDataPurged(WorkspaceId workspaceId, UUID requestId, String reference) implements PrivacyEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "privacy.request-purged";
    }

    @Override
    public String target() {
        return "privacy-request:" + reference;
    }

    @Override
    public String summary() {
        return "requester's personal data purged";
    }
}
