package dev.attest.accessreviews;

/** Whether an account belongs to one person or is a shared or service account. */
public enum AccountKind {
    USER, SERVICE;

    /** The spelling stored and shown: {@code user} or {@code service}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
