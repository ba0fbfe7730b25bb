package dev.attest.program.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.policies.Policies;
import dev.attest.program.SetupStepRecorded;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story: the first-run setup checklist of a new workspace. The company step fills the
 * policies' placeholders and the Trust Center draft at once (a refused field saves neither), the frameworks
 * step adopts the chosen frameworks, a step can be skipped; each settled step is one event, and the checklist
 * shows what is settled and what is still open.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class ProgramScenarioTest {

    @Autowired
    SetupChecklist checklist;
    @Autowired
    TrustCenter trustCenter;
    @Autowired
    Policies policies;
    @Autowired
    ApplicationContext context;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAdminSettlesTheFirstRunChecklistOfANewWorkspaceStepByStep(Scenario scenario) {
        var account = TestAccounts.member(context, Role.ADMIN);
        CurrentUser creator = new CurrentUser(account.userId(), account.email(), "Admin", TestAccounts.defaultWorkspace(context), "Default",
                Role.ADMIN, Role.ADMIN.permissions(), null);
        WorkspaceId ws = TestAccounts.workspace(context, creator, "setup-" + run, "Setup " + run);
        CurrentUser admin = new CurrentUser(account.userId(), account.email(), "Admin", ws, "Setup " + run, Role.ADMIN,
                Role.ADMIN.permissions(), null);
        assertThat(checklist.progress(admin).steps()).allMatch(SetupChecklist.StepView::open);

        // every bad field at once, and neither the policies nor the Trust Center changed
        Map<String, String> settings = policies.settings(ws);
        String draftCompany = trustCenter.draft(ws).company();
        assertThatThrownBy(() -> checklist.saveCompany(admin, new SetupChecklist.CompanyDetails(" ", "not-an-address", "", null)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("company", "securityContact", "reviewOwner"));
        assertThat(policies.settings(ws)).isEqualTo(settings);
        assertThat(trustCenter.draft(ws).company()).isEqualTo(draftCompany);

        String company = "Acme " + run;
        scenario.stimulate(() -> checklist.saveCompany(admin, new SetupChecklist.CompanyDetails("  " + company + "  ",
                        "security@acme.example", "Head of Security", "We keep customer data safe.")))
                .andWaitForEventOfType(SetupStepRecorded.class)
                .matching(e -> e.workspaceId().equals(ws) && e.step().equals("company"))
                .toArriveAndVerify(e -> {
                    assertThat(e.state()).isEqualTo("done");
                    assertThat(e.action()).isEqualTo("setup.done");
                    var draft = trustCenter.draft(ws);
                    assertThat(draft.company()).isEqualTo(company);
                    assertThat(draft.securityContact()).isEqualTo("security@acme.example");
                    assertThat(draft.summary()).isEqualTo("We keep customer data safe.");
                    assertThat(policies.settings(ws)).containsEntry("company_name", company)
                            .containsEntry("security_contact", "security@acme.example").containsEntry("review_owner", "Head of Security");
                });

        assertThatThrownBy(() -> checklist.saveFrameworks(admin, Set.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsKey("frameworks"));
        scenario.stimulate(() -> checklist.saveFrameworks(admin, Set.of("soc2"), Map.of()))
                .andWaitForEventOfType(SetupStepRecorded.class)
                .matching(e -> e.workspaceId().equals(ws) && e.step().equals("frameworks"))
                .toArriveAndVerify(e -> assertThat(checklist.adopted(ws)).containsOnlyKeys("soc2"));

        scenario.stimulate(() -> checklist.mark(admin, SetupStep.TEAM, SetupChecklist.SKIPPED))
                .andWaitForEventOfType(SetupStepRecorded.class)
                .matching(e -> e.workspaceId().equals(ws) && e.step().equals("team"))
                .toArriveAndVerify(e -> assertThat(e.action()).isEqualTo("setup.skipped"));

        SetupChecklist.Progress progress = checklist.progress(admin);
        Map<SetupStep, String> states = progress.steps().stream()
                .collect(Collectors.toMap(SetupChecklist.StepView::step, v -> v.open() ? "open" : v.state()));
        assertThat(states).containsEntry(SetupStep.COMPANY, "done").containsEntry(SetupStep.FRAMEWORKS, "done")
                .containsEntry(SetupStep.TEAM, "skipped").containsEntry(SetupStep.SOURCE, "open")
                .containsEntry(SetupStep.TRUST_CENTER, "open").containsEntry(SetupStep.PASSWORD, "open");
        assertThat(progress.settled()).isEqualTo(3);
        assertThat(progress.finished()).isFalse();
        assertThat(checklist.dismissed(ws)).isFalse();
    }
}
