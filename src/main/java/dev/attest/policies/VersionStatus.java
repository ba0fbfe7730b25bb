package dev.attest.policies;

import java.util.Locale;

/** Where a policy version stands: only a published version is read and accepted by people. */
public enum VersionStatus {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case APPROVED -> "Approved";
            case PUBLISHED -> "Published";
        };
    }

    public static VersionStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
