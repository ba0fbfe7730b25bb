package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The identity provider removed a person: employment ends and revocations open. */
@RecordedAs("people.removed")
public record PersonRemoved(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {
}
