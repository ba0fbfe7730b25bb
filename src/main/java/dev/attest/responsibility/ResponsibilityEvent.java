package dev.attest.responsibility;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about who carries a workspace's controls, for the audit trail and any listener: a listener
 * subscribes to the record it cares about. The audit trail's action names stay as they are.
 */
public sealed interface ResponsibilityEvent extends WorkspaceEvent permits ResponsibilityAssigned {
}
