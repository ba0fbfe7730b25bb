package dev.attest.incidents;

import dev.attest.web.WireName;

/** How bad an incident is, as the security team triages it; it sets response times and who is told. */
public enum Severity implements WireName {
    LOW, MEDIUM, HIGH, CRITICAL
}
