package dev.attest.oscal.internal;

import dev.attest.catalog.OscalSchemas;
import dev.attest.controls.FrameworkAdopted;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a workspace that does not pursue a framework gets no
 * system security plan for it; once it adopts the framework, the plan lists the requirements in scope with their
 * state, valid against the OSCAL 1.1.3 schema in JSON and in XML, with the same UUIDs from one export to the next.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class OscalScenarioTest {

    @Autowired
    SspExport ssp;
    @Autowired
    WorkspaceControls controls;
    @Autowired
    ApplicationContext context;

    private CurrentUser admin() {
        WorkspaceId ws = TestAccounts.defaultWorkspace(context);
        return new CurrentUser(UUID.randomUUID(), AttestTest.ADMIN_EMAIL, "Admin", ws, "Default", Role.ADMIN, Role.ADMIN.permissions(), null);
    }

    @Test
    void anAdoptedFrameworkIsExportedAsAValidSystemSecurityPlan(Scenario scenario) {
        CurrentUser user = admin();
        if (controls.adopted(user.workspaceId()).stream().anyMatch(a -> a.frameworkId().equals("gdpr"))) {
            controls.drop(user.workspaceId(), "gdpr", "test");
        }
        assertThatThrownBy(() -> ssp.systemSecurityPlan(user, "gdpr"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors().get("framework")).contains("not adopted"));

        scenario.stimulate(() -> controls.adopt(user.workspaceId(), "gdpr", Set.of(), "test"))
                .andWaitForEventOfType(FrameworkAdopted.class)
                .matching(e -> e.frameworkId().equals("gdpr"))
                .toArrive();

        ObjectNode document = ssp.systemSecurityPlan(user, "gdpr");
        JsonNode plan = document.get("system-security-plan");
        assertThat(plan.get("metadata").get("title").asString()).contains("GDPR");
        List<String> states = new ArrayList<>();
        plan.get("control-implementation").get("implemented-requirements")
                .forEach(r -> states.add(r.get("by-components").get(0).get("implementation-status").get("state").asString()));
        assertThat(states).isNotEmpty().allMatch(s -> Set.of("implemented", "partial", "planned", "alternative", "not-applicable").contains(s));

        for (OscalSchemas.Format format : OscalSchemas.Format.values()) {
            String body = OscalDocuments.serialise(document, OscalSchemas.Model.SYSTEM_SECURITY_PLAN, format);
            OscalSchemas.validate(body.getBytes(StandardCharsets.UTF_8), format, OscalSchemas.Model.SYSTEM_SECURITY_PLAN, "ssp." + format.extension());
        }
        JsonNode again = ssp.systemSecurityPlan(user, "gdpr").get("system-security-plan");
        assertThat(again.get("control-implementation").get("implemented-requirements").get(0).get("uuid"))
                .isEqualTo(plan.get("control-implementation").get("implemented-requirements").get(0).get("uuid"));
    }
}
