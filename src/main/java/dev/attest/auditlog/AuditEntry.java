package dev.attest.auditlog;

import java.time.Instant;

/**
 * One entry of a workspace's audit trail.
 *
 * @param seq          the position in the workspace's chain, from 1
 * @param previousHash the SHA-256 (hex) of the previous entry, or 64 zeros for the first
 * @param hash         the SHA-256 (hex) of this entry's fields and {@code previousHash}
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String target, String summary,
                         String address, String userAgent, String previousHash, String hash) {
}
