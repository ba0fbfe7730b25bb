package dev.attest.identity;

import java.time.Instant;

/**
 * Gives an auditor a membership of the workspace for an audit: an existing auditor keeps theirs
 * (its end moved out when the audit needs longer), anyone else is invited by email in the auditor
 * role with a membership that ends when given. A member in another role is refused, so that an
 * audit invitation never changes what a colleague may do.
 */
public interface AuditorMemberships {

    /** What happened: the email was already an auditor, or an invitation was sent. */
    enum Outcome { EXISTING_AUDITOR, INVITED }

    /**
     * @param membershipEnds when the membership ends, or null when it ends only by the audit's own access rules
     * @param baseUrl        the address invitation links start with
     */
    Outcome ensureAuditor(CurrentUser admin, String email, Instant membershipEnds, String baseUrl);
}
