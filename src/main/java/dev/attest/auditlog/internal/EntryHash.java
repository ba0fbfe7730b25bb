package dev.attest.auditlog.internal;

import dev.attest.crypto.Digests;
import java.time.Instant;
import java.util.UUID;

/**
 * The SHA-256 of an entry. Each field is written with its length in front, so that no two
 * different entries (say, a colon moved from the actor into the action) hash the same.
 */
final class EntryHash {

    static final String GENESIS = "0".repeat(64);

    private EntryHash() {
    }

    static String of(UUID chain, long seq, Instant occurredAt, String actor, String action, String target, String summary,
                     String address, String userAgent, String previousHash) {
        StringBuilder text = new StringBuilder(256);
        for (String field : new String[]{chain.toString(), Long.toString(seq), occurredAt.toString(), actor, action, target,
                summary, address, userAgent, previousHash}) {
            if (field == null) {
                text.append("-1:");
            } else {
                text.append(field.length()).append(':').append(field);
            }
            text.append('\n');
        }
        return Digests.sha256Hex(text.toString());
    }
}
