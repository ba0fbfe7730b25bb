package dev.attest.evidence;

/**
 * The evidence store (the object store, when evidence lives in one) could not take or give the bytes
 * just now: the API answers 503 and nothing is recorded, so the uploader can simply try again.
 */
public class EvidenceStorageUnavailableException extends RuntimeException {

    public EvidenceStorageUnavailableException(Throwable cause) {
        super("The evidence store is unavailable; nothing was recorded, try again shortly", cause);
    }
}
