package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an audit stands: planning, fieldwork, reporting, then completed; or withdrawn at any point before. */
public enum AuditStatus {
    PLANNING, FIELDWORK, REPORTING, COMPLETED, WITHDRAWN;

    /** Whether the audit is over, so its auditors' access has ended. */
    public boolean ended() {
        return this == COMPLETED || this == WITHDRAWN;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
