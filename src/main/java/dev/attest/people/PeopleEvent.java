package dev.attest.people;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about a workspace's people, for the audit trail and any listener: a listener subscribes to
 * the record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}); what the facts of one person share (their target, their
 * summary) is said once, in {@link PersonEvent}.
 */
public sealed interface PeopleEvent extends WorkspaceEvent permits PersonEvent, PeopleImported {
}
