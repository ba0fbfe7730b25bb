package dev.attest.accessreviews;

import dev.attest.web.WireName;

/** Why an account deserves a closer look; keeping a flagged account needs a written reason. Stored and shown by its wire name, e.g. {@code no_matching_person}. */
public enum Flag implements WireName {
    /** The matched person has left or the member was deactivated. */
    TERMINATED,
    /** No person in the roster has the account's email, and nobody linked one. */
    NO_MATCHING_PERSON,
    /** No sign-in within the campaign's dormancy period. */
    DORMANT,
    /** Superuser, administrator, sudo or similar rights. */
    PRIVILEGED,
    /** Not in the last completed campaign of the system. */
    NEW,
    /** In the last completed campaign but gone now (shown, not decided). */
    REMOVED,
    /** A shared or service account. */
    SERVICE,
    /** Its roles differ from the last completed campaign. */
    ROLE_CHANGED
}
