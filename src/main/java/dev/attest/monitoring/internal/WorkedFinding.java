package dev.attest.monitoring.internal;

import dev.attest.monitoring.Finding;

import java.time.Instant;

/**
 * A finding as people work it: the pipeline's finding, its state (an open finding under an approved,
 * unexpired exception is {@code accepted}), who it is assigned to, its ticket and its exception.
 *
 * @param state     {@code open}, {@code accepted} or {@code closed}
 * @param exception the risk-acceptance exception, requested or approved; null when there is none
 */
record WorkedFinding(Finding finding, String state, String assignee, String ticketUrl, RiskException exception) {

    /** Who should act on it: the member it is assigned to, else the owner of its control. */
    public String responsible() {
        return assignee != null ? assignee : finding.owner();
    }

    /** An exception accepting a finding's risk until it expires, approved by someone other than who asked. */
    record RiskException(String reason, String requestedBy, String approver, Instant requestedAt, Instant approvedAt, Instant expiresAt) {

        public boolean approved() {
            return approvedAt != null;
        }
    }
}
