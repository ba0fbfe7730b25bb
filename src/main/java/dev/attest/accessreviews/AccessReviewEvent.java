package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * A state change in access reviews, for the audit trail and for listeners. A record carries its
 * facts and its trail name ({@link dev.attest.identity.RecordedAs}); what the facts of one campaign
 * or one system share is said once, in {@link OfCampaign} and {@link OfSystem}.
 */
public sealed interface AccessReviewEvent extends WorkspaceEvent
        permits AccessReviewEvent.OfSystem, AccessReviewEvent.OfCampaign, AccountLinked, AccessDecided, RemediationTaskClosed {

    /** A fact about one review system: its target is the system. */
    sealed interface OfSystem extends AccessReviewEvent permits SystemSaved, AccountsCollected {

        /** The system the fact is about. */
        UUID systemId();

        @Override
        default String target() {
            return "access-system:" + systemId();
        }
    }

    /** A fact about one campaign: its target is the campaign, its summary the campaign's name and what happened to it. */
    sealed interface OfCampaign extends AccessReviewEvent permits CampaignCreated, CampaignStarted, CampaignCompleted, CampaignCancelled {

        /** The campaign the fact is about. */
        UUID campaignId();

        /** The campaign's name. */
        String name();

        @Override
        default String target() {
            return "access-campaign:" + campaignId();
        }

        @Override
        default String summary() {
            return "campaign " + name() + " " + action().substring("accessreviews.campaign-".length());
        }
    }
}
