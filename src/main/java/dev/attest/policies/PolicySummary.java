package dev.attest.policies;

/**
 * A policy with what lists show about it: its current published version, the version being worked
 * on, and its review state.
 *
 * @param current the latest published version, or null
 * @param open    the draft, in-review or approved version, or null
 */
public record PolicySummary(Policy policy, PolicyVersion current, PolicyVersion open, ReviewState review) {
}
