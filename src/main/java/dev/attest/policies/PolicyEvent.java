package dev.attest.policies;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact about a workspace's policies, for the audit trail and any listener: a listener subscribes
 * to the record it cares about, and a switch over this interface sees every kind.
 */
public sealed interface PolicyEvent extends WorkspaceEvent
        permits PolicyChange, PolicyAccepted, PolicySettingsChanged {

    /** Which kind of fact this is. */
    PolicyAction kind();

    /** The policy the fact is about; null for the workspace's settings. */
    UUID policyId();

    @Override
    default String action() {
        return kind().auditName();
    }

    @Override
    default String target() {
        return "policy:" + policyId();
    }
}
