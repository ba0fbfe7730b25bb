package dev.attest.audits;

import dev.attest.web.JsonWireName;

/** What an auditor found: a SOC 2 exception, an ISO minor or major nonconformity, or an observation. */
public enum FindingKind implements JsonWireName {
    EXCEPTION, MINOR_NONCONFORMITY, MAJOR_NONCONFORMITY, OBSERVATION;
}
