package dev.attest.catalog;

/** The kind of evidence that proves a control operates. */
public enum EvidenceKind {
    AUTOMATED_CHECK, DOCUMENT, RECORD, ATTESTATION;

    /** The spelling used in catalog files and the API, e.g. {@code automated_check}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
