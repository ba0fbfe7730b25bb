package dev.attest.risks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the risk register. Likelihood and impact are rated 1 to 5, inherent (before
 * treatment) and residual (after); the score is their product, 1 to 25.
 *
 * @param controls           keys of the catalog controls that treat it
 * @param acceptanceApprover who accepted the risk (treatment accept only)
 * @param reviewedOn         when it was last reviewed; the next review is due a year later
 */
public record Risk(UUID id, String title, String description, String category, String owner,
                   int inherentLikelihood, int inherentImpact, int residualLikelihood, int residualImpact,
                   Treatment treatment, String acceptanceApprover, LocalDate acceptanceExpiresOn,
                   List<String> controls, LocalDate reviewedOn, Instant createdAt, Instant updatedAt, String updatedBy) {

    public Risk {
        controls = List.copyOf(controls);
    }

    public int inherentScore() {
        return inherentLikelihood * inherentImpact;
    }

    public int residualScore() {
        return residualLikelihood * residualImpact;
    }

    /** A review is due twelve months after the last one. */
    public LocalDate nextReviewOn() {
        return reviewedOn.plusYears(1);
    }

    /** The band a score falls in: low (1-4), medium (5-9), high (10-16), critical (20-25). */
    public static String level(int score) {
        if (score >= 20) {
            return "critical";
        }
        if (score >= 10) {
            return "high";
        }
        return score >= 5 ? "medium" : "low";
    }
}
