package dev.attest.accessreviews;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One account of the frozen snapshot with its flags, reviewer and latest decision.
 *
 * @param personEmail   the roster person it is matched to (by email or by a manual link), null when none
 * @param present       false for an account removed since the last completed campaign (shown, not decided)
 * @param decision      the latest decision, null while undecided
 * @param decidedRoles  for a change, the roles it should have
 */
public record ReviewItem(UUID id, UUID campaignId, UUID systemId, String systemName, Account account, String personEmail,
                         Set<Flag> flags, String reviewer, boolean present, Decision decision, List<String> decidedRoles,
                         String comment, String decidedBy, Instant decidedAt) {

    public ReviewItem {
        flags = Set.copyOf(flags);
        decidedRoles = decidedRoles == null ? List.of() : List.copyOf(decidedRoles);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    public boolean decided() {
        return decision != null || !present;
    }

    /** Whether this account is the given person's own (by the account's email or the matched person's). */
    public boolean belongsTo(String email) {
        return email != null && (email.equalsIgnoreCase(account.email()) || email.equalsIgnoreCase(personEmail));
    }
}
