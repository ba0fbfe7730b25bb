package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person completed a security training course; the detail is the course. */
@RecordedAs("people.training-recorded")
public record TrainingRecorded(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {
}
