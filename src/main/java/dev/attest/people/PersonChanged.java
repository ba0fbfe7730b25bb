package dev.attest.people;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * Something about a person changed: added, updated, removed, training recorded, agreement signed,
 * background check recorded, access revocation confirmed.
 *
 * @param verb the action is {@code people.<verb>}
 */
public record PersonChanged(WorkspaceId workspaceId, UUID personId, String email, String verb, String actor, String detail)
        implements WorkspaceEvent {

    @Override
    public String action() {
        return "people." + verb;
    }

    @Override
    public String target() {
        return "person:" + personId;
    }

    @Override
    public String summary() {
        return email + " " + verb.replace('-', ' ') + (detail == null ? "" : ": " + detail);
    }
}
