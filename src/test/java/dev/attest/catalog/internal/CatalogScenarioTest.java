package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.FrameworkImported;
import dev.attest.catalog.ImportFramework;
import dev.attest.catalog.MapRequirement;
import dev.attest.catalog.OscalUpload;
import dev.attest.catalog.Requirement;
import dev.attest.catalog.RequirementMapped;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.OscalSamples;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: an admin imports a framework from an
 * OSCAL catalog, which joins the catalog unmapped, then maps one of its requirements to controls of
 * the library; each step is one event, and a bad mapping is refused naming the field.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class CatalogScenarioTest {

    @Autowired
    OscalImports imports;
    @Autowired
    RequirementMappings mappings;
    @Autowired
    CatalogForms forms;
    @Autowired
    Catalog catalog;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFrameworkImportedFromOscalIsMappedToTheLibrary(Scenario scenario) {
        // frameworks are shared by every workspace; the workspace only names where the admin acted (no workspace exists
        // in this module's context: identity's first start is left out)
        WorkspaceId ws = new WorkspaceId(UUID.randomUUID());
        String id = "scn-" + run;
        byte[] document = OscalSamples.catalogJson("Scenario " + run, OscalSamples.variedGroups("s"));
        ImportFramework command = new ImportFramework(id, "  Scenario framework " + run + " ", List.of(new OscalUpload("scenario.json", document)));

        scenario.stimulate(() -> imports.importDocuments(ws, command, "admin@example.test"))
                .andWaitForEventOfType(FrameworkImported.class)
                .matching(e -> e.frameworkId().equals(id))
                .toArriveAndVerify((e, result) -> {
                    assertThat(e.action()).isEqualTo("catalog.framework-imported");
                    assertThat(e.name()).isEqualTo("Scenario framework " + run);
                    assertThat(result.requirements()).isEqualTo(e.requirements()).isPositive();
                    assertThat(catalog.isImported(id)).isTrue();
                });
        assertThat(mappings.unmapped(id)).extracting(Requirement::ref).contains("s-1", "s-2");

        assertThatThrownBy(() -> mappings.map(ws, id, "s-1", forms.mapping("AC-02, QQ-01", ""), "admin@example.test"))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors().get("controls")).contains("not controls of the library: QQ-01"));

        scenario.stimulate(() -> mappings.map(ws, id, "s-1", new MapRequirement(List.of("AC-02", "AC-01"), null), "admin@example.test"))
                .andWaitForEventOfType(RequirementMapped.class)
                .matching(e -> e.frameworkId().equals(id) && e.ref().equals("s-1"))
                .toArriveAndVerify((e, mapped) -> {
                    assertThat(e.action()).isEqualTo("catalog.requirement-mapped");
                    assertThat(e.summary()).isEqualTo("mapped to AC-02, AC-01");
                    assertThat(mapped.controls()).containsExactly(new ControlKey("AC-02"), new ControlKey("AC-01"));
                });
        assertThat(catalog.requireFramework(id).requirement("s-1").orElseThrow().controls()).extracting(ControlKey::value)
                .containsExactly("AC-02", "AC-01");
        assertThat(mappings.unmapped(id)).extracting(Requirement::ref).doesNotContain("s-1").contains("s-2");
    }
}
