package dev.attest.accessreviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A review campaign: which systems, who reviews them, by when, how often it repeats, and where it is.
 * Status changes only through {@link #apply}, so the allowed paths live in one place.
 *
 * @param systems           the systems in scope with their reviewer
 * @param dormantDays       an account without a sign-in for this many days is flagged dormant
 * @param snapshotEvidence  the ledger item holding the snapshot frozen at start, null before
 * @param reportEvidence    the ledger item holding the completed review, null before
 */
public record Campaign(UUID id, String name, CampaignStatus status, LocalDate dueOn, Recurrence recurrence, ReviewerMode reviewerMode,
                       int dormantDays, List<Scope> systems, String createdBy, Instant createdAt, Instant startedAt,
                       Instant completedAt, UUID snapshotEvidence, UUID reportEvidence) {

    /** One system in scope and who reviews it (its owner unless someone else is named). */
    public record Scope(UUID systemId, String systemName, String reviewer) {
    }

    public Campaign {
        systems = List.copyOf(systems);
    }

    /** The status after this action; an action the status does not allow is a {@link CampaignStateException}. */
    public CampaignStatus apply(CampaignAction action) {
        CampaignStatus next = switch (action) {
            case START -> status == CampaignStatus.DRAFT ? CampaignStatus.IN_PROGRESS : null;
            case ALL_DECIDED -> status == CampaignStatus.IN_PROGRESS ? CampaignStatus.REMEDIATION : null;
            case ALL_TASKS_CLOSED -> status == CampaignStatus.REMEDIATION ? CampaignStatus.COMPLETED : null;
            case REOPENED_TASK -> status == CampaignStatus.IN_PROGRESS || status == CampaignStatus.REMEDIATION ? status : null;
            case CANCEL -> status.closed() ? null : CampaignStatus.CANCELLED;
        };
        if (next == null) {
            throw new CampaignStateException("The campaign is " + status.wireName() + ": it cannot " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return next;
    }

    /** A copy in the new status. */
    public Campaign withStatus(CampaignStatus next) {
        return new Campaign(id, name, next, dueOn, recurrence, reviewerMode, dormantDays, systems, createdBy, createdAt, startedAt,
                completedAt, snapshotEvidence, reportEvidence);
    }
}
