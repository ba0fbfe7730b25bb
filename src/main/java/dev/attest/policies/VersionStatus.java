package dev.attest.policies;

import dev.attest.web.WireName;

/** Where a policy version stands: only a published version is read and accepted by people. */
public enum VersionStatus implements WireName {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED;

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case APPROVED -> "Approved";
            case PUBLISHED -> "Published";
        };
    }
}
