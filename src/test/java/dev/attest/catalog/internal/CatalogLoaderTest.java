package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.CatalogException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken catalog file stops loading with a message naming the file and the line. */
class CatalogLoaderTest {

    @TempDir
    Path dir;

    private static final String INDEX = """
            version: "test"
            frameworks: [soc2]
            domains: [access-control]
            """;

    private static final String CONTROLS = """
            domain:
              id: access-control
              name: Access control
              prefix: AC
            controls:
              - key: AC-01
                name: Role-based access
                description: Roles grant access.
                frequency: continuous
                evidence: [automated_check]
              - key: AC-02
                name: Multi-factor authentication
                description: A second factor for every sign-in.
                frequency: continuous
                evidence: [record]
            """;

    private static final String FRAMEWORK = """
            # Edition: test
            framework:
              id: soc2
              name: SOC 2
              version: "2017"
              edition: test edition
              categories:
                - id: security
                  name: Security
                  required: true
                - id: availability
                  name: Availability
            requirements:
              - ref: CC6
                title: Logical access
                group: true
              - ref: "CC6.1"
                parent: CC6
                title: Access is restricted
                category: security
                controls: [AC-01, AC-02]
              - ref: "CC6.10"
                parent: CC6
                title: A ref that looks like a number
                category: security
                controls: [AC-02]
            """;

    private Catalog load(String index, String controls, String framework) throws IOException {
        Files.createDirectories(dir.resolve("controls"));
        Files.createDirectories(dir.resolve("frameworks"));
        Files.writeString(dir.resolve("catalog.yaml"), index);
        Files.writeString(dir.resolve("controls/access-control.yaml"), controls);
        Files.writeString(dir.resolve("frameworks/soc2.yaml"), framework);
        return new CatalogLoader(new PathMatchingResourcePatternResolver(), dir.toUri().toString()).load();
    }

    @Test
    void readsAValidCatalogWithMappingsInBothDirections() throws IOException {
        Catalog catalog = load(INDEX, CONTROLS, FRAMEWORK);

        assertThat(catalog.framework("soc2")).get().satisfies(f -> {
            assertThat(f.assessedCount()).isEqualTo(2);
            assertThat(f.requirement("CC6.10")).isPresent();
        });
        assertThat(catalog.requirementsOf(catalog.requireControl("AC-02").key()))
                .extracting(r -> r.ref()).containsExactly("CC6.1", "CC6.10");
        assertThat(catalog.mappingCount()).isEqualTo(3);
    }

    @Test
    void aMappingToAMissingControlNamesFileAndLine() {
        String broken = FRAMEWORK.replace("controls: [AC-02]", "controls: [AC-99]");

        assertThatThrownBy(() -> load(INDEX, CONTROLS, broken))
                .isInstanceOf(CatalogException.class)
                .hasMessage("frameworks/soc2.yaml:26: requirement CC6.10 maps to control AC-99, which the library does not have");
    }

    @Test
    void anOptInCategoryIsOutOfTheDefaultScopeAndCannotAlsoBeRequired() throws IOException {
        String optIn = FRAMEWORK.replace("""
                    - id: availability
                      name: Availability
                """, """
                    - id: availability
                      name: Availability
                      optIn: true
                """);
        assertThat(load(INDEX, CONTROLS, optIn).requireFramework("soc2").defaultCategories()).containsExactly("security");

        String both = FRAMEWORK.replace("      required: true", "      required: true\n      optIn: true");
        assertThatThrownBy(() -> load(INDEX, CONTROLS, both))
                .isInstanceOf(CatalogException.class)
                .hasMessage("frameworks/soc2.yaml:8: category security cannot be both required and optIn");
    }

    @Test
    void aParagraphWhoseItemsStartAtRomanTwoIsAlsoCitedWithRomanOne() throws IOException {
        String hipaaLike = FRAMEWORK.replace("ref: \"CC6.10\"", "ref: \"CC6.1(ii)(A)\"").replace("parent: CC6\n    title: A ref",
                "parent: \"CC6.1\"\n    title: A ref");
        Catalog catalog = load(INDEX, CONTROLS, hipaaLike);

        assertThat(catalog.requireFramework("soc2").requirement("CC6.1(i)")).get()
                .satisfies(r -> assertThat(r.ref()).isEqualTo("CC6.1"))
                .satisfies(r -> assertThat(r.citation()).isEqualTo("CC6.1(i)"));
        assertThat(catalog.requireFramework("soc2").requirement("CC6.1(ii)(A)")).get()
                .satisfies(r -> assertThat(r.citation()).isNull());
    }

    @Test
    void aDuplicateControlKeyNamesTheSecondOne() {
        String broken = CONTROLS.replace("key: AC-02", "key: AC-01");

        assertThatThrownBy(() -> load(INDEX, broken, FRAMEWORK))
                .hasMessage("controls/access-control.yaml:11: control key AC-01 is used twice");
    }

    @Test
    void aDuplicateRequirementIsRefused() {
        String broken = FRAMEWORK.replace("ref: \"CC6.10\"", "ref: \"CC6.1\"");

        assertThatThrownBy(() -> load(INDEX, CONTROLS, broken))
                .hasMessage("frameworks/soc2.yaml:22: requirement CC6.1 is listed twice");
    }

    @Test
    void invalidYamlNamesTheLine() {
        String broken = CONTROLS.replace("    name: Multi-factor authentication", "    name: [unclosed");

        assertThatThrownBy(() -> load(INDEX, broken, FRAMEWORK))
                .hasMessageStartingWith("controls/access-control.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aTypoInAKeyIsNotSilentlyIgnored() {
        String broken = FRAMEWORK.replace("    parent: CC6\n    title: Access", "    parnet: CC6\n    title: Access");

        assertThatThrownBy(() -> load(INDEX, CONTROLS, broken))
                .hasMessageStartingWith("frameworks/soc2.yaml:18: unknown key 'parnet'");
    }

    @Test
    void aParentMustComeFirst() {
        String broken = FRAMEWORK.replace("parent: CC6\n    title: A ref", "parent: CC7\n    title: A ref");

        assertThatThrownBy(() -> load(INDEX, CONTROLS, broken))
                .hasMessage("frameworks/soc2.yaml:22: requirement CC6.10 names parent CC7, which is not listed before it");
    }

    @Test
    void anUnknownFrequencyListsTheAllowedOnes() {
        String broken = CONTROLS.replace("frequency: continuous\n    evidence: [record]", "frequency: sometimes\n    evidence: [record]");

        assertThatThrownBy(() -> load(INDEX, broken, FRAMEWORK))
                .hasMessageContaining("controls/access-control.yaml:11: frequency 'sometimes' is not one of continuous");
    }

    @Test
    void aFrameworkFileMissingFromTheIndexIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("frameworks"));
        Files.writeString(dir.resolve("frameworks/iso27001.yaml"), "framework: {}\n");

        assertThatThrownBy(() -> load(INDEX, CONTROLS, FRAMEWORK))
                .hasMessage("frameworks/iso27001.yaml:1: not listed in catalog.yaml");
    }

    @Test
    void aControlKeyOutsideTheDomainPrefixIsRefused() {
        String broken = CONTROLS.replace("key: AC-02", "key: EN-02");

        assertThatThrownBy(() -> load(INDEX, broken, FRAMEWORK))
                .hasMessage("controls/access-control.yaml:11: control key 'EN-02' must start with the domain prefix AC-");
    }
}
