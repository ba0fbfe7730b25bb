package dev.attest.accessreviews.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.ConnectionRunFinished.ConnectionRunSucceeded;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a monitoring connection's run succeeds (on its schedule or by hand), the systems read through it
 * take the new collection as theirs, which verifies their open remediation tasks without anyone asking.
 */
@Component
@RequiredArgsConstructor
class ConnectionFollowUp {

    private final SystemStore store;
    private final Systems systems;
    private final AccountCollection collection;

    @EventListener
    void runSucceeded(ConnectionRunSucceeded event) {
        WorkspaceId workspace = event.workspaceId();
        for (SystemStore.Row system : store.byConnection(workspace, event.connectionId())) {
            if (systems.source(system.kind()) instanceof ConnectionAccountSource source) {
                collection.keep(workspace, system, source.stored(workspace, event.connectionId(), system.name(), system.settings()),
                        event.actor());
            }
        }
    }
}
