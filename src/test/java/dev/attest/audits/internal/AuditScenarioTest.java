package dev.attest.audits.internal;

import dev.attest.audits.AdvanceAudit;
import dev.attest.audits.PlanAudit;
import dev.attest.audits.Audit;
import dev.attest.audits.AuditAction;
import dev.attest.audits.AuditKind;
import dev.attest.audits.AuditPlanned;
import dev.attest.audits.AuditStatus;
import dev.attest.audits.AuditStatusChanged;
import dev.attest.catalog.Requirement;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's own story with only the modules it depends on: audits are planned with a scope as auditors
 * write it (HIPAA's {@code (i)} citation of a standard, PCI DSS with no scope at all), publish
 * {@link AuditPlanned}, cover what the scope says and no more, and move to fieldwork publishing
 * {@link AuditStatusChanged}.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class AuditScenarioTest {

    @Autowired
    Engagements engagements;
    @Autowired
    AuditScope scope;
    @Autowired
    JdbcClient jdbc;

    private CurrentUser admin() {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        return new CurrentUser(UUID.randomUUID(), AttestTest.ADMIN_EMAIL, "Admin", ws, "Default", Role.ADMIN, Role.ADMIN.permissions(), null);
    }

    private static PlanAudit plan(AuditKind kind, List<String> scope) {
        return new PlanAudit(kind, scope, "Scenario Audit LLP", "Dana Reyes", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null, null);
    }

    @Test
    void aHipaaScopeCitedInItsIFormCoversTheStandardAndTheAuditMovesToFieldwork(Scenario scenario) {
        CurrentUser admin = admin();
        Audit[] planned = new Audit[1];
        scenario.stimulate(() -> planned[0] = engagements.plan(admin, plan(AuditKind.HIPAA_ASSESSMENT, List.of("164.308(a)(1)(i)"))))
                .andWaitForEventOfType(AuditPlanned.class)
                .matching(e -> e.auditId().equals(planned[0].id()))
                .toArriveAndVerify(e -> assertThat(e.framework()).isEqualTo("hipaa"));

        Audit audit = planned[0];
        assertThat(audit.scope()).as("kept under the standard's ref").containsExactly("164.308(a)(1)");
        List<String> refs = scope.requirements(audit).stream().map(Requirement::ref).toList();
        assertThat(refs).contains("164.308(a)(1)", "164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(B)")
                .allMatch(ref -> ref.startsWith("164.308(a)(1)"));
        assertThat(scope.controls(audit)).contains("GR-01", "GR-05", "GR-06", "VM-10");

        scenario.stimulate(() -> engagements.advance(admin, audit.id(), new AdvanceAudit(AuditAction.START_FIELDWORK)))
                .andWaitForEventOfType(AuditStatusChanged.class)
                .matching(e -> e.auditId().equals(audit.id()))
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(AuditStatus.PLANNING);
                    assertThat(e.to()).isEqualTo(AuditStatus.FIELDWORK);
                });
    }

    @Test
    void anEmptyPciScopeLeavesOutTheOptInAppendicesAndChoosingOneBringsItIn(Scenario scenario) {
        CurrentUser admin = admin();
        Audit[] planned = new Audit[1];
        scenario.stimulate(() -> planned[0] = engagements.plan(admin, plan(AuditKind.PCI_DSS_ROC, List.of())))
                .andWaitForEventOfType(AuditPlanned.class)
                .matching(e -> e.auditId().equals(planned[0].id()))
                .toArrive();
        List<Requirement> whole = scope.requirements(planned[0]);
        assertThat(whole).extracting(Requirement::ref).contains("1.1", "12.1").noneMatch(ref -> ref.matches("A[123]\\..*"));

        Audit multiTenant = engagements.plan(admin, plan(AuditKind.PCI_DSS_ROC, List.of("a1-multi-tenant")));
        assertThat(scope.requirements(multiTenant)).extracting(Requirement::ref).contains("A1.1").allMatch(ref -> ref.startsWith("A1."));
    }
}
