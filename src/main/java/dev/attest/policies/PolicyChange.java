package dev.attest.policies;

/**
 * A policy or one of its versions changed: created, its details updated, a draft started or
 * edited, a version submitted, approved, published or returned to draft.
 */
public sealed interface PolicyChange extends PolicyEvent.OfPolicy
        permits PolicyCreated, PolicyUpdated, DraftStarted, DraftEdited, VersionSubmitted, VersionApproved, VersionPublished,
        VersionReturned {

    String title();

    /** The version the change is about; 0 when it is about the policy itself. */
    int versionNumber();

    /** "Title v2 published", or "Title updated" for a change that is not about one version: the verb of the action name. */
    @Override
    default String summary() {
        return title() + (versionNumber() > 0 ? " v" + versionNumber() : "") + " " + action().substring("policies.".length());
    }
}
