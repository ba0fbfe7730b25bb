package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.risks.RecordRisk;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskAssessmentRecorded;
import dev.attest.risks.RiskInput;
import dev.attest.risks.RiskRecorded;
import dev.attest.risks.RiskRegister;
import dev.attest.risks.RiskRemoved;
import dev.attest.risks.RiskReviewed;
import dev.attest.risks.Treatment;
import dev.attest.support.AttestTest;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a risk is recorded and lands on the
 * heat map, accepting it without an approver is refused, it is reviewed, the yearly assessment is
 * recorded, and the risk is removed; each change is one event under its audit action name.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class RiskScenarioTest {

    @Autowired
    RiskRegister register;
    @Autowired
    JdbcClient jdbc;

    private static RiskInput input(String title, String treatment) {
        return new RiskInput(title, "Someone reads the laptop's disk", "Physical", AttestTest.ADMIN_EMAIL, "4", "5", "2", "2", treatment,
                null, null, List.of(), null);
    }

    @Test
    void aRiskIsRecordedReviewedAssessedAndRemoved(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        String title = "Scenario laptop theft " + UUID.randomUUID().toString().substring(0, 8);
        int before = register.heatMap(ws).inherent()[3][4];
        Risk[] risk = new Risk[1];

        scenario.stimulate(() -> risk[0] = register.record(ws, input(title, "mitigate"), "test"))
                .andWaitForEventOfType(RiskRecorded.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify(e -> {
                    assertThat(e.action()).isEqualTo("risks.recorded");
                    assertThat(e.summary()).isEqualTo("recorded " + title);
                    assertThat(register.heatMap(ws).inherent()[3][4]).isEqualTo(before + 1);
                });

        assertThatThrownBy(() -> register.update(ws, risk[0].id(), input(title, "accept"), "test"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsKey("acceptanceApprover"));

        scenario.stimulate(() -> register.markReviewed(ws, risk[0].id(), "test"))
                .andWaitForEventOfType(RiskReviewed.class)
                .matching(e -> e.riskId().equals(risk[0].id()))
                .toArriveAndVerify(e -> assertThat(e.target()).isEqualTo("risk:" + risk[0].id()));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        scenario.stimulate(() -> register.recordAssessment(ws, today, "Scenario assessment of " + title, "test"))
                .andWaitForEventOfType(RiskAssessmentRecorded.class)
                .matching(e -> e.assessment().summary().endsWith(title))
                .toArriveAndVerify(e -> assertThat(e.action()).isEqualTo("risks.assessed"));

        scenario.stimulate(() -> register.remove(ws, risk[0].id(), "test"))
                .andWaitForEventOfType(RiskRemoved.class)
                .matching(e -> e.riskId().equals(risk[0].id()))
                .toArriveAndVerify(e -> assertThat(register.heatMap(ws).inherent()[3][4]).isEqualTo(before));
    }

    @Test
    void aTypedCommandIsCheckedByItsConstraintsAndRecordedAsAFormIs(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        String title = "Scenario typed risk " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThatThrownBy(() -> register.record(ws, new RecordRisk(" ", null, "Ops", AttestTest.ADMIN_EMAIL, 6, 1, 1, 1,
                Treatment.MITIGATE, null, null, List.of(), today), "test"))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(Submission.fieldErrors(e.getConstraintViolations()))
                        .containsEntry("title", "is required").containsEntry("inherentLikelihood", RecordRisk.RATING));

        RecordRisk command = new RecordRisk("  " + title + " ", null, "Ops", AttestTest.ADMIN_EMAIL, 3, 4, 2, 2, Treatment.TRANSFER,
                "Someone", today.plusDays(30), List.of(" gr-06 ", "GR-06", ""), today);
        assertThat(command.title()).isEqualTo(title);
        assertThat(command.acceptanceApprover()).as("an approver belongs to an accepted risk only").isNull();
        assertThat(command.controls()).containsExactly("GR-06");
        scenario.stimulate(() -> register.record(ws, command, "test"))
                .andWaitForEventOfType(RiskRecorded.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify(e -> assertThat(register.get(ws, e.riskId()).treatment()).isEqualTo(Treatment.TRANSFER));
    }

    @Test
    void aTypedCommandGivenDirectlyMeetsTheRulesAFormMeets() {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        String title = "Scenario direct risk " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int before = register.list(ws).size();

        RecordRisk broken = new RecordRisk(title, null, "Ops", "nobody@example.invalid", 3, 4, 2, 2, Treatment.ACCEPT, null, null,
                List.of("GR-06", "no-such-control"), today.plusDays(2));
        assertThatThrownBy(() -> register.record(ws, broken, "test"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsOnly(
                        java.util.Map.entry("owner", "no member of this workspace has the email nobody@example.invalid"),
                        java.util.Map.entry("acceptanceApprover", "an accepted risk needs the name of who accepted it"),
                        java.util.Map.entry("acceptanceExpiresOn", "an accepted risk needs the date its acceptance expires"),
                        java.util.Map.entry("controls", "not controls of the catalog: NO-SUCH-CONTROL"),
                        java.util.Map.entry("reviewedOn", "cannot be in the future")));
        assertThat(register.list(ws)).as("nothing was recorded").hasSize(before);

        Risk recorded = register.record(ws, new RecordRisk(title, null, "Ops", AttestTest.ADMIN_EMAIL.toUpperCase(java.util.Locale.ROOT),
                3, 4, 2, 2, Treatment.MITIGATE, null, null, List.of("GR-06"), today), "test");
        assertThat(recorded.owner()).as("the owner as the workspace knows the member").isEqualTo(AttestTest.ADMIN_EMAIL);

        assertThatThrownBy(() -> register.update(ws, recorded.id(), RecordRisk.of(recorded).withOwner("nobody@example.invalid"), "test"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("owner"));
        assertThat(register.get(ws, recorded.id()).owner()).isEqualTo(AttestTest.ADMIN_EMAIL);
    }
}
