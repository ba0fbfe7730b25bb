package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * A step on an open request: {@code extended}, {@code identity-verified}, {@code task-added},
 * {@code task-done} or {@code response-sent}.
 */
public record DataSubjectRequestChanged(WorkspaceId workspaceId, String actor, UUID requestId, String reference,
                                        String change, String summary) implements PrivacyEvent {

    @Override
    public String action() {
        return "privacy.request-" + change;
    }

    @Override
    public String target() {
        return "privacy-request:" + reference;
    }
}
