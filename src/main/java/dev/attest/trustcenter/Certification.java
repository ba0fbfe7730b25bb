package dev.attest.trustcenter;

/**
 * A certification or attestation as the Trust Center shows it.
 *
 * @param status {@code certified}, {@code in_progress} or {@code planned}
 * @param since  free text such as "2022" or "March 2023"
 * @param period the period the last audit covered, e.g. "2025-01-01 to 2025-12-31"
 */
public record Certification(String framework, String status, String since, String auditor, String period) {

    public String statusLabel() {
        return switch (status == null ? "" : status) {
            case "certified" -> "Certified";
            case "in_progress" -> "In progress";
            case "planned" -> "Planned";
            default -> status;
        };
    }

    /** The same entry with its texts trimmed and blank ones absent. */
    public Certification tidied() {
        return new Certification(framework.trim(), status, blankless(since), blankless(auditor), blankless(period));
    }

    /** A new audit's entry taking this one's place: the framework keeps the year it was first certified. */
    public Certification renewedBy(Certification audit) {
        return new Certification(audit.framework(), audit.status(), since != null ? since : audit.since(), audit.auditor(), audit.period());
    }

    /** Whether this entry is about the same framework as another, ignoring case. */
    public boolean sameFramework(Certification other) {
        return framework.equalsIgnoreCase(other.framework());
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
