package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Domain;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping rules of {@code catalog/SCHEMA.md}, checked: every control of every domain serves a
 * requirement, the SOC 2 / ISO 27001 pairs the references agree on share a control, and no control
 * stands behind a large share of one framework without a written reason.
 */
class CatalogMappingConsistencyTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    /** Above this share of a framework's assessed requirements (and above MIN_BROAD of them) a control is broad. */
    static final double BROAD_SHARE = 0.15;
    static final int MIN_BROAD = 4;

    private static List<String[]> rows(String resource, int columns) throws IOException {
        try (InputStream in = CatalogMappingConsistencyTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).as(resource + " names its source").startsWith("# Source: ");
            List<String[]> rows = new ArrayList<>();
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.strip().split("\\s+", columns));
                }
            }
            return rows;
        }
    }

    @Test
    void everyControlOfEveryDomainIsMappedInAtLeastOneFramework() {
        Map<String, List<String>> unmappedByDomain = new TreeMap<>();
        for (Domain domain : CATALOG.domains()) {
            for (Control control : CATALOG.controls()) {
                if (control.domain().equals(domain.id()) && CATALOG.requirementsOf(control.key()).isEmpty()) {
                    unmappedByDomain.computeIfAbsent(domain.id(), d -> new ArrayList<>()).add(control.key().value());
                }
            }
        }
        assertThat(unmappedByDomain).isEmpty();
    }

    @Test
    void theSoc2AndIso27001PairsTheReferencesAgreeOnShareAControl() throws IOException {
        Framework soc2 = CATALOG.requireFramework("soc2");
        Framework iso = CATALOG.requireFramework("iso27001");
        List<String> unshared = new ArrayList<>();
        List<String[]> pairs = rows("/catalog/reference/soc2-iso27001-pairs.txt", 2);
        assertThat(pairs).hasSizeGreaterThan(40);
        for (String[] pair : pairs) {
            Requirement criterion = soc2.requirement(pair[0]).orElseThrow(() -> new AssertionError("no SOC 2 " + pair[0]));
            Requirement control = iso.requirement(pair[1]).orElseThrow(() -> new AssertionError("no ISO 27001 " + pair[1]));
            Set<ControlKey> shared = new HashSet<>(criterion.controls());
            shared.retainAll(control.controls());
            if (shared.isEmpty()) {
                unshared.add(pair[0] + " / " + pair[1]);
            }
        }
        assertThat(unshared).as("pairs with no control in common").isEmpty();
    }

    @Test
    void noControlStandsBehindALargeShareOfAFrameworkWithoutAReason() throws IOException {
        Map<String, String> reasons = new HashMap<>();
        for (String[] row : rows("/catalog/reference/broad-mappings.txt", 3)) {
            assertThat(row).as(String.join(" ", row)).hasSize(3);
            assertThat(CATALOG.control(row[1])).as(row[1]).isPresent();
            reasons.put(row[0] + " " + row[1], row[2]);
        }
        Set<String> broad = new HashSet<>();
        for (Framework framework : CATALOG.frameworks()) {
            Map<ControlKey, Integer> uses = new HashMap<>();
            framework.assessedRequirements().forEach(r -> r.controls().forEach(k -> uses.merge(k, 1, Integer::sum)));
            long assessed = framework.assessedCount();
            uses.forEach((key, count) -> {
                if (count > MIN_BROAD && count > assessed * BROAD_SHARE) {
                    broad.add(framework.id() + " " + key.value());
                }
            });
        }
        assertThat(broad).as("broad controls without a reason in broad-mappings.txt").isSubsetOf(reasons.keySet());
        assertThat(reasons.keySet()).as("listed as broad but no longer are: remove them from the list").isSubsetOf(broad);
    }

    @Test
    void theProgrammeLevelGovernanceControlsStandOnlyBehindProgrammeLevelAnnexAControls() {
        // A general policy, roles, oversight or review control is met by having an ISMS at all; mapping it behind a
        // topical Annex A control (privacy, outsourced development) would let it mark that topic ready.
        Set<String> programmeLevel = Set.of("A.5.1", "A.5.2", "A.5.4", "A.5.35", "A.5.36");
        Framework iso = CATALOG.requireFramework("iso27001");
        iso.assessedRequirements().filter(r -> r.ref().startsWith("A.") && !programmeLevel.contains(r.ref())).forEach(r ->
                assertThat(r.controls()).as(r.ref()).extracting(ControlKey::value)
                        .doesNotContain("GR-01", "GR-02", "GR-03", "GR-04"));
        assertThat(iso.requirement("A.5.34").orElseThrow().controls()).extracting(ControlKey::value)
                .allMatch(k -> k.startsWith("PR-"));
        assertThat(iso.requirement("A.8.30").orElseThrow().controls()).extracting(ControlKey::value).doesNotContain("VN-03");
    }
}
