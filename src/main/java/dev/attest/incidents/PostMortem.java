package dev.attest.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What an incident taught: its root cause, the lessons, and the action items that follow from them. */
public record PostMortem(String rootCause, String lessons, List<ActionItem> actions, Instant updatedAt, String updatedBy) {

    public PostMortem {
        actions = List.copyOf(actions);
    }

    /** A follow-up with an owner and a due date; done when {@code doneAt} is set. */
    public record ActionItem(UUID id, String description, String owner, LocalDate dueOn, Instant doneAt) {
    }
}
