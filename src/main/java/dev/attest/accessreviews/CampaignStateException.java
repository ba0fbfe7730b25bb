package dev.attest.accessreviews;

/** The campaign is not in a status that allows this (a decision on a completed campaign, starting twice): a 409. */
public class CampaignStateException extends RuntimeException {

    public CampaignStateException(String message) {
        super(message);
    }
}
