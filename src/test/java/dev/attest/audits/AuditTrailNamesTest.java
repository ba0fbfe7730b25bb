package dev.attest.audits;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's action names of the audit events are a contract with its readers: they do not change. */
class AuditTrailNamesTest {

    @Test
    void auditEventsKeepTheirActionNames() {
        assertThat(Arrays.stream(AuditEventKind.values()).map(AuditEventKind::auditName)).containsExactly(
                "audits.planned", "audits.status-changed", "audits.completed", "audits.auditor-invited", "audits.opened",
                "audits.request-raised", "audits.requests-imported", "audits.request-moved", "audits.evidence-attached",
                "audits.sample-drawn", "audits.soa-saved", "audits.soa-approved", "audits.finding-raised", "audits.finding-answered",
                "audits.finding-closed", "audits.package-exported");
        assertThat(new AuditPlanned(null, "a", null, "soc2", AuditKind.SOC2_TYPE2, "2026").action()).isEqualTo("audits.planned");
    }
}
