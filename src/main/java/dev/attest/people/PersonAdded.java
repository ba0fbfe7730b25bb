package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person joined the roster, by hand, by SCIM or from the portal's admin. */
@RecordedAs("people.added")
public record PersonAdded(WorkspaceId workspaceId, UUID personId, String email, String actor) implements PersonEvent {
}
