package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckDraft;
import dev.attest.monitoring.CheckSaved;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.FindingFilter;
import dev.attest.monitoring.MonitoringRunRecorded;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.Severity;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a check is written, a resource that
 * fails it is pushed and a finding opens; the same resource pushed fixed closes the finding. Each
 * step waits for its event: the check created, then one run recorded per push with its counts.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class MonitoringScenarioTest {

    @Autowired
    CheckDefinitions checks;
    @Autowired
    ResourceIntake intake;
    @Autowired
    FindingQueries findings;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFailingResourceOpensAFindingAndItsFixClosesIt(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        String type = "scenario" + run + ".bucket";
        String key = "scenario-" + run + "-encrypted";
        String source = "scenario-" + run;
        FindingFilter ofTheCheck = new FindingFilter(null, null, key, null, null);

        // a draft that does not compile is refused naming the field, and nothing is saved
        assertThatThrownBy(() -> checks.saveCheck(ws, new CheckDraft(key, "Buckets are encrypted", type, "high", List.of("PH-06"), null,
                "resource.encrypted ==="), "author"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsOnlyKeys("expression"));

        scenario.stimulate(() -> checks.saveCheck(ws, new CheckDraft(key, "Buckets are encrypted", type, "high", List.of("PH-06"),
                        "Turn on default encryption.", "resource.encrypted == true"), "author"))
                .andWaitForEventOfType(CheckSaved.CheckCreated.class)
                .matching(e -> e.checkKey().equals(key))
                .toArriveAndVerify((e, check) -> {
                    assertThat(e.workspaceId()).isEqualTo(ws);
                    assertThat(e.actor()).isEqualTo("author");
                    assertThat(e.action()).isEqualTo("monitoring.check-created");
                    assertThat(check.severity()).isEqualTo(Severity.HIGH);
                    assertThat(check.resourceType()).isEqualTo(type);
                });

        scenario.stimulate(() -> intake.receive(ws, List.of(new Resource(type, "logs", Map.of("encrypted", false))), source, "agent"))
                .andWaitForEventOfType(MonitoringRunRecorded.class)
                .matching(e -> e.trigger().equals(source))
                .toArriveAndVerify((e, evaluation) -> {
                    assertThat(e.received()).isEqualTo(1);
                    assertThat(e.changed()).isEqualTo(1);
                    assertThat(e.opened()).isEqualTo(1);
                    assertThat(e.closed()).isZero();
                    assertThat(evaluation.findingsOpened()).isEqualTo(1);
                });
        List<Finding> opened = findings.findings(ws, ofTheCheck, 10);
        assertThat(opened).singleElement().satisfies(f -> {
            assertThat(f.open()).isTrue();
            assertThat(f.resourceId()).isEqualTo("logs");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.controlKey()).isEqualTo("PH-06");
        });
        UUID findingId = opened.get(0).id();

        scenario.stimulate(() -> intake.receive(ws, List.of(new Resource(type, "logs", Map.of("encrypted", true))), source, "agent"))
                .andWaitForEventOfType(MonitoringRunRecorded.class)
                .matching(e -> e.trigger().equals(source) && e.closed() > 0)
                .toArriveAndVerify((e, evaluation) -> {
                    assertThat(e.changed()).isEqualTo(1);
                    assertThat(e.opened()).isZero();
                    assertThat(e.closed()).isEqualTo(1);
                    assertThat(evaluation.findingsClosed()).isEqualTo(1);
                });
        Finding closed = findings.finding(ws, findingId);
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(findings.findingHistory(ws, findingId)).extracting(h -> h.event()).containsExactly("opened", "closed");
        Check check = checks.check(ws, key);
        assertThat(check.controls()).containsExactly("PH-06");
    }
}
