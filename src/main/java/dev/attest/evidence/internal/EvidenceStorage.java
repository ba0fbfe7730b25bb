package dev.attest.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * Where evidence bytes live, addressed by their SHA-256: the data folder ({@link FileEvidenceStorage},
 * the default) or an S3-compatible object store ({@link S3EvidenceStorage}, {@code attest.evidence.storage=s3}).
 * Content is never overwritten: storing bytes that are already there leaves them as they are.
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

    /** The store cannot be reached or refused the operation for now: the caller answers 503 and records nothing. */
    class Unavailable extends IOException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Stores the content durably (it survives a crash once this returns) and reports its hash. */
    Stored put(InputStream content, long maxBytes) throws IOException;

    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256);

    /** Every stored content address with when it was written, for the orphan sweeper and migrations. */
    void forEachStored(BiConsumer<String, Instant> action) throws IOException;

    /** Removes content; only for orphans that no evidence names. */
    void delete(String sha256) throws IOException;
}
