package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A record of processing (GDPR Art. 30) was created or changed. */
public record ProcessingRecordSaved(WorkspaceId workspaceId, String actor, UUID recordId, String name, boolean created)
        implements PrivacyEvent {

    @Override
    public String action() {
        return created ? "privacy.processing-record-created" : "privacy.processing-record-updated";
    }

    @Override
    public String target() {
        return "processing-record:" + recordId;
    }

    @Override
    public String summary() {
        return "processing activity " + name + (created ? " recorded" : " updated");
    }
}
