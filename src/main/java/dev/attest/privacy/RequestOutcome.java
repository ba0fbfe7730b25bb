package dev.attest.privacy;

import dev.attest.web.WireName;

/**
 * How a request ends: fulfilled (everything done, response sent) or denied (with the reason told to
 * the requester); the lower-case name is used on the wire and in the database.
 */
public enum RequestOutcome implements WireName {
    FULFILLED, DENIED
}
