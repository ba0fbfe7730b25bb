package dev.attest.people;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about a workspace's people, for the audit trail and any listener: a listener subscribes to
 * the record it cares about, and a switch over this interface sees every kind.
 */
public sealed interface PeopleEvent extends WorkspaceEvent permits PersonEvent, PeopleImported {
}
