package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * Runs a configured connection on demand, for modules that build on what collectors read (access
 * reviews read PostgreSQL roles and MariaDB users through the workspace's connections). The run is an
 * ordinary run: it replaces the connection's resources and evaluates the checks.
 */
public interface ConnectionRuns {

    /** The connection; another workspace's id is a 404. */
    Connection get(WorkspaceId workspace, UUID id);

    /** Runs the connection now and returns the finished run, {@code failed} with its error when the target cannot be read. */
    ConnectionRun runAndWait(WorkspaceId workspace, UUID id, String trigger);
}
