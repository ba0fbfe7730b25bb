package dev.attest.monitoring.internal;

import dev.attest.crypto.Digests;

/** The SHA-256 of a resource's stored JSON text: equal hashes mean an unchanged document. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String json) {
        return Digests.sha256Hex(json);
    }
}
