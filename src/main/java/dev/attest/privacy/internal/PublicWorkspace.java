package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Remembers each workspace's slug as it is created, so that the public form (which has no signed-in
 * user) can find the workspace whose Trust Center it belongs to without reading identity's tables.
 */
@Component
@RequiredArgsConstructor
class PublicWorkspace {

    private final IntakeStore store;
    private final PrivacyProperties properties;

    @EventListener
    void on(WorkspaceCreated event) {
        store.rememberWorkspace(event.workspaceId(), event.slug());
    }

    /** The workspace that takes public requests, if it exists. */
    Optional<WorkspaceId> workspace() {
        return store.workspace(properties.publicWorkspace());
    }
}
