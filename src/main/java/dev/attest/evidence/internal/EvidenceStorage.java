package dev.attest.evidence.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where evidence bytes live, addressed by their SHA-256. The file system is the first
 * implementation; an object store can follow behind the same interface.
 */
public interface EvidenceStorage {

    /** What was stored: the content's hash (hex) and size. */
    record Stored(String sha256, long size) {
    }

    /** Thrown when the content is longer than the caller allows. */
    class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("larger than " + limit + " bytes");
        }
    }

    /** Stores the content durably (it survives a crash once this returns) and reports its hash. */
    Stored put(InputStream content, long maxBytes) throws IOException;

    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256);
}
