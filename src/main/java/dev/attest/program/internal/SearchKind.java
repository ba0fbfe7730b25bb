package dev.attest.program.internal;

import dev.attest.identity.Permission;
import dev.attest.web.JsonWireName;
import lombok.RequiredArgsConstructor;

/** The kinds of record the search finds, in the order results are grouped, each with what reading it needs. */
@RequiredArgsConstructor
enum SearchKind implements JsonWireName {
    CONTROL("Controls", Permission.CONTROLS_READ),
    REQUIREMENT("Requirements", Permission.CATALOG_READ),
    POLICY("Policies", Permission.POLICIES_READ),
    VENDOR("Vendors", Permission.VENDORS_READ),
    PERSON("People", Permission.PEOPLE_READ),
    RISK("Risks", Permission.RISKS_READ),
    INCIDENT("Incidents", Permission.INCIDENTS_READ),
    EVIDENCE("Evidence", Permission.EVIDENCE_READ);

    private final String label;
    private final Permission needs;

    public String label() {
        return label;
    }

    Permission needs() {
        return needs;
    }
}
