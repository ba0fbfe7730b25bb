package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person's roster fields changed; the detail names a new end date. */
@RecordedAs("people.updated")
public record PersonUpdated(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {
}
