package dev.attest.incidents;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact about a workspace's incidents, for the audit trail and any listener: a listener
 * subscribes to the record it cares about, and a switch over this interface sees every kind.
 */
public sealed interface IncidentEvent extends WorkspaceEvent
        permits IncidentReported, IncidentTriaged, IncidentClosed, TimelineNoted, BreachDetermined, NotificationRecorded,
        PostMortemWritten, ActionItemAdded, ActionItemCompleted, ActionItemReopened, ExerciseRecorded, IncidentSettingsChanged {

    /** Summaries are kept short: the timeline holds the whole text. */
    int SUMMARY_LENGTH = 300;

    /** Which kind of fact this is. */
    IncidentAction kind();

    /** The incident the fact is about; null for exercises and settings. */
    UUID incidentId();

    @Override
    default String action() {
        return kind().auditName();
    }

    @Override
    default String target() {
        return "incident:" + incidentId();
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
