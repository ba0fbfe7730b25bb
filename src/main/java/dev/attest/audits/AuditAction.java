package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.web.WireName;

/** What moves an audit on. Completing is not here: it needs the signed report (see the completion route). */
public enum AuditAction implements WireName {
    START_FIELDWORK, START_REPORTING, WITHDRAW;

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }

    @JsonCreator
    public static AuditAction of(String value) {
        return WireName.require(AuditAction.class, value);
    }
}
