package dev.attest.policies;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact about a workspace's policies, for the audit trail and any listener: a listener subscribes
 * to the record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}); what the facts of one policy share (their target) is said
 * once, in {@link OfPolicy}.
 */
public sealed interface PolicyEvent extends WorkspaceEvent permits PolicyEvent.OfPolicy, PolicySettingsChanged {

    /** A fact about one policy: its target is the policy. */
    sealed interface OfPolicy extends PolicyEvent permits PolicyChange, PolicyAccepted {

        /** The policy the fact is about. */
        UUID policyId();

        @Override
        default String target() {
            return "policy:" + policyId();
        }
    }
}
