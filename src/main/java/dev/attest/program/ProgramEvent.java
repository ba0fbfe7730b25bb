package dev.attest.program;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about a workspace's compliance program, for the audit trail and any listener: a listener subscribes
 * to the record it cares about. The audit trail's action names stay as they are.
 */
public sealed interface ProgramEvent extends WorkspaceEvent permits SetupStepRecorded {
}
