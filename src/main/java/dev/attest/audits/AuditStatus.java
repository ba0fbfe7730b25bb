package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.web.WireName;

/** Where an audit stands: planning, fieldwork, reporting, then completed; or withdrawn at any point before. */
public enum AuditStatus implements WireName {
    PLANNING, FIELDWORK, REPORTING, COMPLETED, WITHDRAWN;

    /** Whether the audit is over, so its auditors' access has ended. */
    public boolean ended() {
        return this == COMPLETED || this == WITHDRAWN;
    }

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }
}
