package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Remembers each workspace's slug as it is created, so that the public form (which has no signed-in
 * user) can find the workspace whose Trust Center it belongs to without reading identity's tables.
 */
@Component
class PublicWorkspace {

    private final JdbcClient jdbc;
    private final PrivacyProperties properties;

    PublicWorkspace(JdbcClient jdbc, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener
    void on(WorkspaceCreated event) {
        jdbc.sql("delete from privacy_workspace where slug = ?").param(event.slug()).update();
        jdbc.sql("insert into privacy_workspace (workspace_id, slug) values (?, ?)")
                .params(event.workspaceId().value(), event.slug()).update();
    }

    /** The workspace that takes public requests, if it exists. */
    Optional<WorkspaceId> workspace() {
        return jdbc.sql("select workspace_id from privacy_workspace where slug = ?").param(properties.publicWorkspace())
                .query(UUID.class).optional().map(WorkspaceId::new);
    }
}
