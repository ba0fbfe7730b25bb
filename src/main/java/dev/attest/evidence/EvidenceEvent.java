package dev.attest.evidence;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about a workspace's evidence, for the audit trail and any listener: a listener subscribes
 * to the record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}).
 */
public sealed interface EvidenceEvent extends WorkspaceEvent permits EvidenceAdded, FreshnessRuleChanged {
}
