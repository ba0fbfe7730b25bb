package dev.attest.people;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Someone confirmed that a departed person's access to a system is revoked; the detail is the system. */
public record AccessRevoked(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {

    @Override
    public String verb() {
        return "access-revoked";
    }
}
