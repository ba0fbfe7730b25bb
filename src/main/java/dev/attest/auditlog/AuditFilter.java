package dev.attest.auditlog;

import java.time.Instant;

/**
 * What to show of the trail; null means any.
 *
 * @param actor  an exact actor (an email, "email (token)", "system"), case-insensitive
 * @param action a whole action ({@code controls.updated}) or a module ({@code identity})
 * @param target a whole target ({@code control:AC-01}) or a kind ending in a colon ({@code control:})
 * @param from   inclusive
 * @param to     exclusive
 */
public record AuditFilter(String actor, String action, String target, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
