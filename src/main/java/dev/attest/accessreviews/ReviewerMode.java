package dev.attest.accessreviews;

import dev.attest.web.WireName;

/** Who reviews an account: the system's owner (or the reviewer named for the system), or the account holder's manager. */
public enum ReviewerMode implements WireName {
    OWNER, MANAGER
}
