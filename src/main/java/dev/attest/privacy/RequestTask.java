package dev.attest.privacy;

import java.time.Instant;
import java.util.UUID;

/** The work on one system that holds the person's data (find, export, delete, correct...). */
public record RequestTask(UUID id, String system, Instant doneAt, String doneBy, String note) {

    public boolean done() {
        return doneAt != null;
    }
}
