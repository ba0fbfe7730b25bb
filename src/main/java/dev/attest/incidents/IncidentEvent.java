package dev.attest.incidents;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact about a workspace's incidents, for the audit trail and any listener: a listener
 * subscribes to the record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}); what facts of one subject share (their target) is said
 * once, in {@link OfIncident}.
 */
public sealed interface IncidentEvent extends WorkspaceEvent
        permits IncidentEvent.OfIncident, ExerciseRecorded, IncidentSettingsChanged {

    /** Summaries are kept short: the timeline holds the whole text. */
    int SUMMARY_LENGTH = 300;

    /** A fact about one incident: its target is the incident. */
    sealed interface OfIncident extends IncidentEvent
            permits IncidentReported, IncidentTriaged, IncidentClosed, TimelineNoted, BreachDetermined, NotificationRecorded,
            PostMortemWritten, ActionItemAdded, ActionItemCompleted, ActionItemReopened {

        /** The incident the fact is about. */
        UUID incidentId();

        @Override
        default String target() {
            return "incident:" + incidentId();
        }
    }

    /** Text cut to {@code max} characters with an ellipsis, for summaries and timeline lines. */
    static String brief(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Text cut to the length of a summary. */
    static String brief(String text) {
        return brief(text, SUMMARY_LENGTH);
    }
}
