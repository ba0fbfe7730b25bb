package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.Acceptance;
import dev.attest.policies.CreatePolicy;
import dev.attest.policies.PolicyAccepted;
import dev.attest.policies.PolicyCreated;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.ReviewState;
import dev.attest.policies.VersionAction;
import dev.attest.policies.VersionApproved;
import dev.attest.policies.VersionPublished;
import dev.attest.policies.VersionStatus;
import dev.attest.policies.VersionSubmitted;
import dev.attest.support.AttestTest;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a policy is drafted and submitted,
 * its author may not approve it, a colleague does, it is published with its review a year later,
 * and a person accepts exactly that version; each step is one event.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class PolicyScenarioTest {

    private static final String AUTHOR = "author@example.test";
    private static final String APPROVER = "approver@example.test (token)";

    @Autowired
    Drafting drafting;
    @Autowired
    Approval approval;
    @Autowired
    Acceptances acceptances;
    @Autowired
    PolicyRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.attest.policies.Policies policies;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WorkspaceId defaultWorkspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    @Test
    void aDraftIsApprovedBySomeoneElsePublishedAndAccepted(Scenario scenario) {
        WorkspaceId ws = defaultWorkspace();
        // the workspace's own setting, as a new workspace has it: other tests on a shared database turn it off
        policies.saveSettings(ws, java.util.Map.of(dev.attest.policies.Policies.SEPARATE_APPROVER, "true"), "test");
        String title = "Clean Desk Policy " + run;

        AtomicReference<UUID> created = new AtomicReference<>();
        scenario.stimulate(() -> drafting.create(ws, new CreatePolicy("  " + title + " ", "# Clean desk\n\nLock your screen.", null),
                        null, List.of(), AUTHOR))
                .andWaitForEventOfType(PolicyCreated.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify((e, summary) -> {
                    assertThat(e.action()).isEqualTo("policies.created");
                    assertThat(summary.open().status()).isEqualTo(VersionStatus.DRAFT);
                    assertThat(summary.review()).isEqualTo(ReviewState.NOT_PUBLISHED);
                    created.set(summary.policy().id());
                });
        UUID id = created.get();

        scenario.stimulate(() -> approval.take(ws, id, 1, VersionAction.SUBMIT, AUTHOR))
                .andWaitForEventOfType(VersionSubmitted.class)
                .matching(e -> e.policyId().equals(id))
                .toArriveAndVerify((e, version) -> {
                    assertThat(e.summary()).isEqualTo(title + " v1 submitted");
                    assertThat(version.submittedBy()).isEqualTo(AUTHOR);
                });

        assertThatThrownBy(() -> approval.take(ws, id, 1, VersionAction.APPROVE, AUTHOR + " (token)"))
                .isInstanceOf(PolicyStateException.class).hasMessageContaining("someone else approves it");
        assertThatThrownBy(() -> approval.take(ws, id, 1, VersionAction.PUBLISH, APPROVER))
                .isInstanceOf(PolicyStateException.class).hasMessageContaining("only a version that is approved can be published");

        scenario.stimulate(() -> approval.take(ws, id, 1, VersionAction.APPROVE, APPROVER))
                .andWaitForEventOfType(VersionApproved.class)
                .matching(e -> e.policyId().equals(id))
                .toArriveAndVerify((e, version) -> assertThat(version.approvedBy()).isEqualTo(APPROVER));

        scenario.stimulate(() -> approval.take(ws, id, 1, VersionAction.PUBLISH, APPROVER))
                .andWaitForEventOfType(VersionPublished.class)
                .matching(e -> e.policyId().equals(id))
                .toArriveAndVerify((e, version) -> {
                    assertThat(e.action()).isEqualTo("policies.published");
                    assertThat(version.status()).isEqualTo(VersionStatus.PUBLISHED);
                });
        PolicySummary published = register.get(ws, id);
        assertThat(published.policy().reviewDue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1));
        assertThat(published.review()).isEqualTo(ReviewState.CURRENT);
        PolicyVersion v1 = published.current();
        assertThatThrownBy(() -> drafting.edit(ws, id, 1, new dev.attest.policies.EditDraft("changed"), AUTHOR))
                .isInstanceOf(PolicyStateException.class).hasMessageContaining("can never change");

        scenario.stimulate(() -> acceptances.accept(ws, id, 1, " " + AttestTest.ADMIN_EMAIL.toUpperCase() + " ", "127.0.0.1",
                        AttestTest.ADMIN_EMAIL))
                .andWaitForEventOfType(PolicyAccepted.class)
                .matching(e -> e.policyId().equals(id))
                .toArriveAndVerify((e, acceptance) -> {
                    assertThat(e.email()).isEqualTo(AttestTest.ADMIN_EMAIL);
                    assertThat(acceptance.versionHash()).isEqualTo(v1.hash());
                });
        assertThat(acceptances.acceptances(ws, AttestTest.ADMIN_EMAIL)).extracting(Acceptance::policyId).contains(id);
        assertThat(acceptances.rates(ws).get(id).accepted()).isEqualTo(1);
    }

    @Test
    void aCommandOutsideItsConstraintsIsRefusedBeforeAnythingIsWritten() {
        WorkspaceId ws = defaultWorkspace();
        int before = register.list(ws).size();

        assertThatThrownBy(() -> drafting.create(ws, new CreatePolicy(" ", "", null), null, List.of(), AUTHOR))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(Submission.fieldErrors(e.getConstraintViolations())).containsOnlyKeys("title", "body"));
        assertThat(register.list(ws)).hasSize(before);
    }
}
