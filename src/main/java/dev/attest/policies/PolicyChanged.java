package dev.attest.policies;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * A policy or one of its versions changed: created, edited, submitted, approved, published, or its
 * owner or review date set.
 *
 * @param verb what happened, e.g. {@code created}, {@code published}; the action is {@code policies.<verb>}
 */
public record PolicyChanged(WorkspaceId workspaceId, UUID policyId, String title, int versionNumber, String verb,
                            String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "policies." + verb;
    }

    @Override
    public String target() {
        return "policy:" + policyId;
    }

    @Override
    public String summary() {
        return title + (versionNumber > 0 ? " v" + versionNumber : "") + " " + verb;
    }
}
