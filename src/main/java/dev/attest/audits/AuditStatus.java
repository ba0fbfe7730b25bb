package dev.attest.audits;

import dev.attest.web.JsonWireName;

/** Where an audit stands: planning, fieldwork, reporting, then completed; or withdrawn at any point before. */
public enum AuditStatus implements JsonWireName {
    PLANNING, FIELDWORK, REPORTING, COMPLETED, WITHDRAWN;

    /** Whether the audit is over, so its auditors' access has ended. */
    public boolean ended() {
        return this == COMPLETED || this == WITHDRAWN;
    }
}
