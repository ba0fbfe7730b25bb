package dev.attest.vendors;

import dev.attest.web.WireName;

/** The legal basis for moving personal data out of the EEA; spelt by its wire name, e.g. {@code sccs}. */
public enum TransferMechanism implements WireName {
    /** Standard contractual clauses. */
    SCCS,
    /** The EU-U.S. Data Privacy Framework. */
    DPF;

    public String label() {
        return this == SCCS ? "Standard contractual clauses" : "EU-U.S. Data Privacy Framework";
    }
}
