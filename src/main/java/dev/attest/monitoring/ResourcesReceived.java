package dev.attest.monitoring;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** Resources arrived through the push API, an import file or the host agent. */
public record ResourcesReceived(WorkspaceId workspaceId, String source, int count, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "monitoring.resources-received";
    }

    @Override
    public String target() {
        return "resources:" + source;
    }

    @Override
    public String summary() {
        return count + " resource(s) from " + source;
    }
}
