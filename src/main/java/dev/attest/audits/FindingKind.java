package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What an auditor found: a SOC 2 exception, an ISO minor or major nonconformity, or an observation. */
public enum FindingKind {
    EXCEPTION, MINOR_NONCONFORMITY, MAJOR_NONCONFORMITY, OBSERVATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FindingKind of(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of exception, minor_nonconformity, major_nonconformity, observation"));
    }
}
