package dev.attest.people;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person's background check was recorded; the detail is its status. */
public record BackgroundCheckRecorded(WorkspaceId workspaceId, UUID personId, String email, String actor, String detail) implements PersonEvent {

    @Override
    public String verb() {
        return "background-check-recorded";
    }
}
