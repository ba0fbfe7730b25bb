package dev.attest.policies;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a policy's text. A published version never changes; its hash is what an
 * acceptance records.
 *
 * @param hash the SHA-256 of the Markdown body, hex
 */
public record PolicyVersion(UUID id, UUID policyId, int number, VersionStatus status, String body, String hash,
                            Instant createdAt, String createdBy, Instant submittedAt, String submittedBy,
                            Instant approvedAt, String approvedBy, Instant publishedAt, String publishedBy) {

    public boolean open() {
        return status != VersionStatus.PUBLISHED;
    }
}
