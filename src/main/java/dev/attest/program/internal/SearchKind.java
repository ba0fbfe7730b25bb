package dev.attest.program.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.identity.Permission;

/** The kinds of record the search finds, in the order results are grouped, each with what reading it needs. */
enum SearchKind {
    CONTROL("control", "Controls", Permission.CONTROLS_READ),
    REQUIREMENT("requirement", "Requirements", Permission.CATALOG_READ),
    POLICY("policy", "Policies", Permission.POLICIES_READ),
    VENDOR("vendor", "Vendors", Permission.VENDORS_READ),
    PERSON("person", "People", Permission.PEOPLE_READ),
    RISK("risk", "Risks", Permission.RISKS_READ),
    INCIDENT("incident", "Incidents", Permission.INCIDENTS_READ),
    EVIDENCE("evidence", "Evidence", Permission.EVIDENCE_READ);

    private final String wireName;
    private final String label;
    private final Permission needs;

    SearchKind(String wireName, String label, Permission needs) {
        this.wireName = wireName;
        this.label = label;
        this.needs = needs;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    Permission needs() {
        return needs;
    }
}
