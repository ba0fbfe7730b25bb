package dev.attest.policies;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy with what lists show about it: its current published version, the version being worked
 * on, and its review state.
 *
 * @param current the latest published version, or null
 * @param open    the draft, in-review or approved version, or null
 */
public record PolicySummary(Policy policy, PolicyVersion current, PolicyVersion open, ReviewState review) {

    /** The summary of a policy from its versions in number order, its review state as of {@code today}. */
    public static PolicySummary of(Policy policy, List<PolicyVersion> versions, LocalDate today) {
        PolicyVersion current = null;
        PolicyVersion open = null;
        for (PolicyVersion v : versions) {
            if (v.status() == VersionStatus.PUBLISHED) {
                current = v;
            } else {
                open = v;
            }
        }
        return new PolicySummary(policy, current, open, ReviewState.of(current, policy.reviewDue(), today));
    }
}
