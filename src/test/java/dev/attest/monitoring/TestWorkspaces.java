package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The bootstrap workspace's id, read from the database the way an operator would. */
final class TestWorkspaces {

    private TestWorkspaces() {
    }

    static WorkspaceId defaultWorkspace(JdbcClient jdbc) {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }
}
