package dev.attest.risks;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.support.AttestTest;
import dev.attest.support.BuiltInChecks;
import dev.attest.support.ExtraAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the register offers monitoring (risks.risk resources) and the obligations calendar. */
@AttestTest
class RiskFeedsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RiskRegister register;

    @Autowired
    List<ResourceSource> sources;

    @Autowired
    List<ObligationSource> obligations;

    @Test
    void eachRiskIsAResourceWithTheFieldsTheChecksRead() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        WorkspaceId workspace = new WorkspaceId(ws.workspaceId());
        Risk risk = register.record(workspace, new RiskInput("Key person leaves", null, "People", ws.email(), "3", "4", "2", "4",
                "accept", "CEO", "2027-03-31", List.of("GR-06"), "2025-11-30"), "test");

        ResourceSource source = sources.stream().filter(s -> s.types().contains("risks.risk")).findFirst().orElseThrow();
        List<Resource> resources = source.resources(workspace);

        assertThat(resources).hasSize(1);
        Resource resource = resources.get(0);
        assertThat(resource.type()).isEqualTo("risks.risk");
        assertThat(resource.id()).isEqualTo(risk.id().toString());
        assertThat(resource.data()).containsEntry("reviewedAt", "2025-11-30T00:00:00Z")
                .containsEntry("nextReviewAt", "2026-11-30T00:00:00Z")
                .containsEntry("treatment", "accept")
                .containsEntry("acceptanceApprover", "CEO")
                .containsEntry("acceptanceExpiresAt", "2027-03-31T00:00:00Z")
                .containsEntry("inherentScore", 12L)
                .containsEntry("residualScore", 8L)
                .containsEntry("controls", List.of("GR-06"));
    }

    @Test
    void theBuiltInChecksPassACurrentRiskAndFailAStaleOne() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        WorkspaceId workspace = new WorkspaceId(ws.workspaceId());
        LocalDate today = LocalDate.now();
        register.record(workspace, new RiskInput("Current", null, "Ops", ws.email(), "3", "4", "2", "4",
                "accept", "CEO", today.plusMonths(6).toString(), List.of(), today.minusMonths(11).toString()), "test");
        register.record(workspace, new RiskInput("Stale", null, "Ops", ws.email(), "3", "4", "2", "4",
                "accept", "CEO", today.minusDays(1).toString(), List.of(), today.minusMonths(13).toString()), "test");
        register.record(workspace, new RiskInput("Mitigated", null, "Ops", ws.email(), "3", "4", "2", "4",
                "mitigate", null, null, List.of("GR-06"), null), "test");
        ResourceSource source = sources.stream().filter(s -> s.types().contains("risks.risk")).findFirst().orElseThrow();
        BuiltInChecks checks = new BuiltInChecks("risks.yaml");

        Map<String, Map<String, Boolean>> results = new java.util.HashMap<>();
        source.resources(workspace).forEach(r -> results.put((String) r.data().get("title"), checks.evaluate(r, Instant.now())));

        assertThat(results.get("Current")).containsOnly(Map.entry("risks-reviewed-yearly", true), Map.entry("risks-acceptance-current", true));
        assertThat(results.get("Stale")).containsOnly(Map.entry("risks-reviewed-yearly", false), Map.entry("risks-acceptance-current", false));
        assertThat(results.get("Mitigated")).containsOnly(Map.entry("risks-reviewed-yearly", true), Map.entry("risks-acceptance-current", true));
        assertThat(checks.all()).allSatisfy(c -> assertThat((List<?>) c.get("controls")).isNotEmpty());
    }

    @Test
    void reviewsAcceptancesAndTheYearlyAssessmentAreObligations() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        WorkspaceId workspace = new WorkspaceId(ws.workspaceId());
        Risk risk = register.record(workspace, new RiskInput("Supplier fails", null, "Vendor", ws.email(), "3", "4", "2", "4",
                "accept", "CEO", "2027-03-31", List.of(), "2026-02-10"), "test");
        register.recordAssessment(workspace, "2026-01-20", "Done", "test");

        List<Obligation> duties = obligations.stream().flatMap(s -> s.obligations(workspace).stream()).toList();

        assertThat(duties).extracting(Obligation::id, Obligation::kind, Obligation::owner, o -> o.due().toString())
                .contains(org.assertj.core.groups.Tuple.tuple("risks:review:" + risk.id(), "risk-review", ws.email(), "2027-02-10T00:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple("risks:acceptance:" + risk.id(), "risk-acceptance", ws.email(), "2027-03-31T00:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple("risks:assessment", "risk-assessment", null, "2027-01-20T00:00:00Z"));
    }
}
