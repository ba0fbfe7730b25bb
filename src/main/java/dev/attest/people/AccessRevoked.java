package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Someone confirmed that a departed person's access to a system is revoked; the detail is the system. */
@RecordedAs("people.access-revoked")
public record AccessRevoked(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {
}
