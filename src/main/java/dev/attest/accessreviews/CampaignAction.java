package dev.attest.accessreviews;

/** What moves a campaign from one status to the next. */
public enum CampaignAction {
    START, ALL_DECIDED, ALL_TASKS_CLOSED, REOPENED_TASK, CANCEL
}
