package dev.attest.catalog;

import dev.attest.web.WireName;

/** The kind of evidence that proves a control operates; catalog files and the API spell it by its wire name, e.g. {@code automated_check}. */
public enum EvidenceKind implements WireName {
    AUTOMATED_CHECK, DOCUMENT, RECORD, ATTESTATION
}
