package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.web.WireName;

/** What an auditor found: a SOC 2 exception, an ISO minor or major nonconformity, or an observation. */
public enum FindingKind implements WireName {
    EXCEPTION, MINOR_NONCONFORMITY, MAJOR_NONCONFORMITY, OBSERVATION;

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }

    @JsonCreator
    public static FindingKind of(String value) {
        return WireName.require(FindingKind.class, value);
    }
}
