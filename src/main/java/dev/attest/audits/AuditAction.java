package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What moves an audit on. Completing is not here: it needs the signed report (see the completion route). */
public enum AuditAction {
    START_FIELDWORK, START_REPORTING, WITHDRAW;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AuditAction of(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of start_fieldwork, start_reporting, withdraw"));
    }
}
