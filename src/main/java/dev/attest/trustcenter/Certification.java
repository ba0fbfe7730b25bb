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
}
