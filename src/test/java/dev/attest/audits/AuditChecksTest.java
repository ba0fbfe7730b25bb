package dev.attest.audits;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.support.AttestTest;
import dev.attest.support.BuiltInChecks;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Audits and their requests as monitoring sees them (with the built-in checks), and their dates on the obligations calendar. */
@AttestTest
class AuditChecksTest {

    private static final BuiltInChecks CHECKS = new BuiltInChecks("audits.yaml");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void anOverdueRequestAndAnUnapprovedSoaFailTheirChecksAndTheDatesAreOnTheCalendar() {
        ExtraAccounts.Account lead = ExtraAccounts.inNewWorkspace(jdbc);
        WorkspaceId workspace = new WorkspaceId(lead.workspaceId());
        Http admin = Http.withToken(port, lead.token());
        String audit = admin.postJson("/api/v1/audits", """
                {"kind":"iso27001_surveillance","scope":["A.5.1"],"firm":"Certifier","leadAuditor":"Kim Ode","periodStart":"2026-01-01",
                 "periodEnd":"%s","fieldworkStart":"%s"}""".formatted(LocalDate.now().plusDays(1), LocalDate.now().plusDays(20)))
                .json().get("id").asString();
        admin.postJson("/api/v1/audits/" + audit + "/requests", "{\"request\":\"Late one\",\"dueOn\":\"" + LocalDate.now().minusDays(2) + "\"}");
        admin.postJson("/api/v1/audits/" + audit + "/requests", "{\"request\":\"On time\",\"dueOn\":\"" + LocalDate.now().plusDays(5) + "\"}");

        List<Resource> resources = context.getBeansOfType(ResourceSource.class).values().stream()
                .filter(s -> s.types().contains("audits.audit")).findFirst().orElseThrow().resources(workspace);
        Resource auditResource = resources.stream().filter(r -> r.type().equals("audits.audit")).findFirst().orElseThrow();
        assertThat(CHECKS.evaluate(auditResource, Instant.now()))
                .containsEntry("audit-soa-approved-within-year", false)
                .containsEntry("audit-period-controls-passing", true)
                .containsEntry("audit-surveillance-scheduled", true);
        var requestVerdicts = resources.stream().filter(r -> r.type().equals("audits.request"))
                .map(r -> r.data().get("overdue") + "=" + CHECKS.passes("audit-requests-on-time", r.data(), Instant.now())).toList();
        assertThat(requestVerdicts).containsExactlyInAnyOrder("true=false", "false=true");

        List<Obligation> calendar = context.getBeansOfType(ObligationSource.class).values().stream()
                .flatMap(s -> s.obligations(workspace).stream()).toList();
        assertThat(calendar).extracting(Obligation::kind).contains("audit-fieldwork", "audit-request");
        assertThat(calendar).filteredOn(o -> o.kind().equals("audit-fieldwork")).extracting(Obligation::path).containsExactly("/audits/" + audit);
    }
}
