package dev.attest.identity;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a workspace: every row of workspace data carries it, every query is scoped by it. */
public record WorkspaceId(UUID value) implements Serializable {

    public WorkspaceId {
        java.util.Objects.requireNonNull(value, "workspace id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
