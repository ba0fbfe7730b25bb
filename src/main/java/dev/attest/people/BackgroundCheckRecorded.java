package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person's background check was recorded; the detail is its status. */
@RecordedAs("people.background-check-recorded")
public record BackgroundCheckRecorded(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {
}
