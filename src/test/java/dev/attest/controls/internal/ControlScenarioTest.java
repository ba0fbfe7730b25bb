package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.controls.ControlChange;
import dev.attest.controls.ControlUpdated;
import dev.attest.controls.FrameworkAdopted;
import dev.attest.controls.FrameworkReadiness;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.Readiness;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.web.Columns;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a workspace adopts a framework, sets the
 * controls of one of its requirements to implemented, one event each, and its readiness moves; a control
 * said not to apply without a reason is refused and changes nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class ControlScenarioTest {

    @Autowired
    Adoptions adoptions;
    @Autowired
    ControlEdits edits;
    @Autowired
    ControlReadiness readiness;
    @Autowired
    ControlLibrary library;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;

    private WorkspaceId newWorkspace() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, "controls-" + id.toString().substring(0, 8), "Controls scenario", Columns.utc(Instant.now())).update();
        return new WorkspaceId(id);
    }

    @Test
    void adoptingAFrameworkAndImplementingARequirementsControlsMovesReadiness(Scenario scenario) {
        WorkspaceId ws = newWorkspace();
        CurrentUser admin = new CurrentUser(UUID.randomUUID(), AttestTest.ADMIN_EMAIL, "Admin", ws, "Controls scenario", Role.ADMIN,
                Role.ADMIN.permissions(), null);
        Framework gdpr = catalog.requireFramework("gdpr");

        scenario.stimulate(() -> adoptions.adopt(ws, "gdpr", Set.of(), admin.actor()))
                .andWaitForEventOfType(FrameworkAdopted.class)
                .matching(e -> e.workspaceId().equals(ws))
                .toArriveAndVerify((e, adopted) -> {
                    assertThat(e.action()).isEqualTo("controls.framework-adopted");
                    assertThat(adoptions.adopted(ws)).containsExactly(adopted);
                });
        FrameworkReadiness before = readiness.readiness(ws, "gdpr");
        assertThat(before.inScope()).isPositive();
        assertThat(before.ready()).isZero();

        Set<String> scope = adoptions.scopeOf(ws, gdpr);
        Requirement requirement = gdpr.requirements().stream()
                .filter(r -> !r.group() && !r.controls().isEmpty() && Readiness.inScope(r, scope)).findFirst().orElseThrow();
        List<ControlKey> keys = List.copyOf(requirement.controls());
        for (ControlKey key : keys) {
            scenario.stimulate(() -> edits.update(ws, key.value(), new ControlChange(ImplementationStatus.IMPLEMENTED, null, null,
                            " Done in the scenario "), admin))
                    .andWaitForEventOfType(ControlUpdated.class)
                    .matching(e -> e.workspaceId().equals(ws) && e.controlKey().equals(key.value()))
                    .toArriveAndVerify((e, state) -> {
                        assertThat(e.statusChanged()).isTrue();
                        assertThat(e.action()).isEqualTo("controls.updated");
                        assertThat(state.notes()).isEqualTo("Done in the scenario");
                    });
        }

        FrameworkReadiness after = readiness.readiness(ws, "gdpr");
        assertThat(after.ready()).isGreaterThan(before.ready());
        assertThat(after.percent()).isGreaterThan(before.percent());
        assertThat(readiness.satisfied(ws).test(keys.get(0))).isTrue();

        String other = catalog.controls().stream().map(c -> c.key().value()).filter(k -> !keys.contains(new ControlKey(k)))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> edits.update(ws, other, new ControlChange(ImplementationStatus.NOT_APPLICABLE, null, " ", null), admin))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsOnlyKeys("justification"));
        assertThat(library.get(ws, other).status()).isEqualTo(ImplementationStatus.NOT_STARTED);
    }
}
