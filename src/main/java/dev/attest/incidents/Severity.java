package dev.attest.incidents;

/** How bad an incident is, as the security team triages it; it sets response times and who is told. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() {
        return WireName.of(this);
    }
}
