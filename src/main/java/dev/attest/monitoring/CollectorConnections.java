package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.internal.Connections;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.List;

/** The configured connections (collectors) of a workspace, for modules that describe the system (the OSCAL SSP). */
@Service
@RequiredArgsConstructor
public class CollectorConnections {

    private final Connections connections;

    public List<Connection> list(WorkspaceId workspace) {
        return connections.list(workspace);
    }
}
