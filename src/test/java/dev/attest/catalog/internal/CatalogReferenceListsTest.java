package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each framework's assessed identifiers against a list in {@code src/test/resources/catalog/reference},
 * written from the framework's official publication (named at the top of each list). A renamed,
 * dropped or invented identifier fails here, whoever edits the YAML.
 */
class CatalogReferenceListsTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private record ReferenceList(String source, List<String> refs) {
    }

    private static ReferenceList read(String framework) throws IOException {
        try (InputStream in = CatalogReferenceListsTest.class.getResourceAsStream("/catalog/reference/" + framework + ".txt")) {
            assertThat(in).as("reference list for " + framework).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> refs = new ArrayList<>();
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    refs.add(line.strip());
                }
            }
            return new ReferenceList(lines.isEmpty() ? "" : lines.get(0), refs);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"soc2", "iso27001", "hipaa", "pci-dss", "gdpr", "ccpa", "dpf"})
    void assessedIdentifiersAreExactlyTheOfficialListInItsOrder(String framework) throws IOException {
        ReferenceList reference = read(framework);

        assertThat(reference.source()).as("the list names its source first").startsWith("# Source: ");
        assertThat(reference.refs()).as("no identifier twice in the list").doesNotHaveDuplicates();
        assertThat(CATALOG.requireFramework(framework).assessedRequirements().map(Requirement::ref).toList())
                .containsExactlyElementsOf(reference.refs());
    }

    @Test
    void everyFrameworkOfTheCatalogHasAReferenceList() {
        for (Framework framework : CATALOG.frameworks()) {
            assertThat(getClass().getResource("/catalog/reference/" + framework.id() + ".txt")).as(framework.id()).isNotNull();
        }
    }

    @Test
    void hipaaStandardsWithImplementationSpecificationsAnswerToTheirRomanOneCitation() {
        Framework hipaa = CATALOG.requireFramework("hipaa");
        Map<String, String> cited = new TreeMap<>();
        hipaa.requirements().stream().filter(r -> r.citation() != null).forEach(r -> cited.put(r.citation(), r.ref()));

        assertThat(cited).containsExactlyInAnyOrderEntriesOf(Map.of(
                "164.308(a)(1)(i)", "164.308(a)(1)", "164.308(a)(3)(i)", "164.308(a)(3)",
                "164.308(a)(4)(i)", "164.308(a)(4)", "164.308(a)(5)(i)", "164.308(a)(5)",
                "164.308(a)(6)(i)", "164.308(a)(6)", "164.308(a)(7)(i)", "164.308(a)(7)"));
        assertThat(hipaa.requirement("164.308(a)(1)(i)")).get().extracting(Requirement::ref).isEqualTo("164.308(a)(1)");
        assertThat(hipaa.requirement("164.308(a)(1)")).get().extracting(Requirement::citation).isEqualTo("164.308(a)(1)(i)");
        // Standards without (ii) items, and the implementation specifications themselves, have one form only.
        assertThat(hipaa.requirement("164.308(a)(2)(i)")).isEmpty();
        assertThat(hipaa.requirement("164.310(a)(1)(i)")).isEmpty();
        assertThat(hipaa.requirement("164.310(a)(2)(i)")).get().extracting(Requirement::citation).isNull();
        CATALOG.frameworks().stream().filter(f -> !f.id().equals("hipaa"))
                .forEach(f -> assertThat(f.requirements()).as(f.id()).allMatch(r -> r.citation() == null));
    }
}
