package dev.attest.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A check failing on a resource, to be fixed by the control's owner before it is due. It closes
 * itself when the check passes again, and opens again if it fails later.
 *
 * @param status   {@code open}, {@code closed}, or {@code accepted} when listed while an approved risk acceptance covers it
 * @param observed the values the check read when it last failed
 */
public record Finding(UUID id, String checkKey, String resourceType, String resourceId, Severity severity, String controlKey,
                      String owner, String status, Instant openedAt, Instant dueAt, Instant closedAt, Map<String, Object> observed) {

    public boolean open() {
        return "open".equals(status);
    }
}
