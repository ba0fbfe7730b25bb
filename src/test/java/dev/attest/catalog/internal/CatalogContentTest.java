package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.Coverage;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Overlap;
import dev.attest.catalog.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped catalog: exact identifiers, depth of the library, and coverage of every framework. */
class CatalogContentTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private static Set<String> assessedRefs(String framework) {
        return CATALOG.requireFramework(framework).assessedRequirements().map(Requirement::ref)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> range(String prefix, int from, int to) {
        Set<String> refs = new LinkedHashSet<>();
        for (int i = from; i <= to; i++) {
            refs.add(prefix + i);
        }
        return refs;
    }

    @Test
    void listsTheSevenFrameworksInOrder() {
        assertThat(CATALOG.frameworks()).extracting(Framework::id)
                .containsExactly("soc2", "iso27001", "hipaa", "pci-dss", "gdpr", "ccpa", "dpf");
    }

    @Test
    void soc2HasExactlyTheSixtyOneCriteriaEachWithItsCategory() {
        Set<String> expected = new LinkedHashSet<>();
        int[] common = {5, 3, 4, 2, 3, 8, 5, 1, 2};
        for (int series = 1; series <= 9; series++) {
            expected.addAll(range("CC" + series + ".", 1, common[series - 1]));
        }
        expected.addAll(range("A1.", 1, 3));
        expected.addAll(range("C1.", 1, 2));
        expected.addAll(range("PI1.", 1, 5));
        int[] privacy = {1, 1, 2, 3, 2, 7, 1, 1};
        for (int series = 1; series <= 8; series++) {
            expected.addAll(range("P" + series + ".", 1, privacy[series - 1]));
        }
        assertThat(expected).hasSize(61);
        assertThat(assessedRefs("soc2")).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, String> categoryOfPrefix = Map.of("CC", "security", "A1", "availability", "C1", "confidentiality",
                "PI", "processing-integrity", "P", "privacy");
        CATALOG.requireFramework("soc2").assessedRequirements().forEach(r -> {
            String prefix = r.ref().startsWith("CC") ? "CC" : r.ref().startsWith("PI") ? "PI"
                    : r.ref().startsWith("A1") ? "A1" : r.ref().startsWith("C1") ? "C1" : "P";
            assertThat(r.category()).as(r.ref()).isEqualTo(categoryOfPrefix.get(prefix));
        });
        assertThat(CATALOG.requireFramework("soc2").requiredCategories()).containsExactly("security");
    }

    @Test
    void iso27001HasTheClausesAndAllNinetyThreeAnnexAControls() {
        Set<String> annexA = new LinkedHashSet<>();
        annexA.addAll(range("A.5.", 1, 37));
        annexA.addAll(range("A.6.", 1, 8));
        annexA.addAll(range("A.7.", 1, 14));
        annexA.addAll(range("A.8.", 1, 34));
        Set<String> refs = assessedRefs("iso27001");

        assertThat(refs.stream().filter(r -> r.startsWith("A."))).containsExactlyInAnyOrderElementsOf(annexA);
        assertThat(annexA).hasSize(93);
        Set<String> all = CATALOG.requireFramework("iso27001").requirements().stream().map(Requirement::ref).collect(Collectors.toSet());
        assertThat(all).contains("4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
                "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3", "9.1", "9.2.1", "9.2.2",
                "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2");
        assertThat(all).contains("A.5", "A.6", "A.7", "A.8");
    }

    @Test
    void hipaaMarksEveryImplementationSpecificationRequiredOrAddressable() {
        Framework hipaa = CATALOG.requireFramework("hipaa");
        Set<String> refs = assessedRefs("hipaa");

        assertThat(refs).contains("164.308(a)(1)", "164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(D)",
                "164.310(d)(1)", "164.312(a)(2)(iv)", "164.312(e)(2)(ii)", "164.314(a)(1)", "164.316(b)(2)(i)",
                "164.404", "164.406", "164.408", "164.410");
        hipaa.assessedRequirements().filter(r -> r.ref().startsWith("164.3"))
                .forEach(r -> assertThat(r.specification()).as(r.ref()).isIn("required", "addressable"));
        assertThat(hipaa.requirement("164.312(a)(2)(iv)").orElseThrow().specification()).isEqualTo("addressable");
        assertThat(hipaa.requirement("164.308(a)(1)(ii)(A)").orElseThrow().specification()).isEqualTo("required");
    }

    @Test
    void pciDssHasTwelveRequirementsEveryXySubRequirementAndTheOptInAppendices() {
        Framework pci = CATALOG.requireFramework("pci-dss");
        int[] subRequirements = {5, 3, 7, 2, 4, 5, 3, 6, 5, 7, 6, 10};
        Set<String> expected = new LinkedHashSet<>();
        for (int req = 1; req <= 12; req++) {
            assertThat(pci.requirement(String.valueOf(req))).as("requirement " + req).get()
                    .satisfies(r -> assertThat(r.group()).isTrue());
            expected.addAll(range(req + ".", 1, subRequirements[req - 1]));
        }
        expected.addAll(List.of("A1.1", "A1.2", "A2.1", "A3.1", "A3.2", "A3.3", "A3.4", "A3.5"));
        assertThat(assessedRefs("pci-dss")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pci.requirement("12.9").orElseThrow().serviceProviderOnly()).isTrue();
        assertThat(pci.requirement("1.1").orElseThrow().serviceProviderOnly()).isFalse();
        assertThat(pci.requirement("A1.1").orElseThrow().serviceProviderOnly()).isTrue();

        // The principal requirements bind everyone; each appendix only a workspace that opts in.
        Map<String, String> appendixCategory = Map.of("A1", "a1-multi-tenant", "A2", "a2-early-tls-poi", "A3", "a3-desv");
        pci.requirements().forEach(r -> assertThat(r.category()).as(r.ref())
                .isEqualTo(r.ref().startsWith("A") ? appendixCategory.get(r.ref().substring(0, 2)) : null));
        assertThat(pci.categories()).allSatisfy(c -> assertThat(c.optIn()).as(c.id()).isTrue());
        assertThat(pci.defaultCategories()).isEmpty();
        assertThat(CATALOG.requireFramework("soc2").defaultCategories())
                .containsExactlyInAnyOrder("security", "availability", "confidentiality", "processing-integrity", "privacy");
    }

    @Test
    void gdprListsTheArticlesThatBindControllersAndProcessors() {
        Set<String> expected = new LinkedHashSet<>();
        for (int article : new int[]{5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 28, 30, 32, 33, 34, 35,
                37, 38, 39, 44, 45, 46, 47, 48, 49}) {
            expected.add("Art." + article);
        }
        assertThat(assessedRefs("gdpr")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void ccpaSectionsLieBetween1798_100And1798_135() {
        Set<String> refs = assessedRefs("ccpa");

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            double section = Double.parseDouble(ref.replaceAll("\\(.*$", ""));
            assertThat(section).as(ref).isBetween(1798.100, 1798.135);
        }
        assertThat(CATALOG.requireFramework("ccpa").requirements().stream().map(Requirement::ref))
                .contains("1798.100", "1798.105", "1798.106", "1798.110", "1798.115", "1798.120", "1798.121", "1798.130", "1798.135");
        // 1798.100(b) is the notice duty of a business collecting as a third party; the ban on
        // undisclosed categories and incompatible purposes sits in (a)(1)-(2).
        Framework ccpa = CATALOG.requireFramework("ccpa");
        assertThat(ccpa.requirement("1798.100(b)").orElseThrow().summary()).contains("third party");
        assertThat(ccpa.requirement("1798.100(a)").orElseThrow().summary()).contains("incompatible");
    }

    @Test
    void dpfHasTheSevenPrinciplesAndSixteenSupplementalPrinciples() {
        Set<String> expected = new LinkedHashSet<>(range("II.", 1, 7));
        expected.addAll(range("III.", 1, 16));

        assertThat(assessedRefs("dpf")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theLibraryHasAtLeast150ControlsOverFifteenDomainsWithDepth() {
        assertThat(CATALOG.controls()).hasSizeGreaterThanOrEqualTo(150);
        Map<String, Long> perDomain = CATALOG.controls().stream().collect(Collectors.groupingBy(Control::domain, TreeMap::new, Collectors.counting()));
        assertThat(perDomain.keySet()).contains("data-protection", "access-control", "encryption", "network-security",
                "incident-response", "business-continuity", "vulnerability-management", "logging-monitoring",
                "personnel-security", "vendor-management", "governance-risk", "asset-management", "secure-development",
                "privacy", "physical-security");
        perDomain.forEach((domain, count) -> assertThat(count).as(domain).isGreaterThanOrEqualTo(8));
        CATALOG.controls().forEach(c -> {
            assertThat(c.description()).as(c.key().value()).hasSizeGreaterThan(80);
            assertThat(c.evidence()).as(c.key().value()).isNotEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"role-based access", "multi-factor", "access review", "unique user", "provisioning",
            "privileged", "encryption at rest", "encryption in transit", "key management", "removable media",
            "web application firewall", "intrusion", "ssh", "incident response plan", "post-incident", "breach notification",
            "tabletop", "disaster recovery", "business continuity", "business impact", "high availability", "vulnerability scanning",
            "penetration test", "patch", "centralized logging", "alerting", "database", "file integrity", "continuous control monitoring",
            "background check", "security awareness", "code of conduct", "confidentiality", "offboarding", "vendor risk",
            "critical vendor", "data processing agreement", "subprocessor", "data classification", "retention", "data-subject",
            "query audit", "field-level encryption", "data residency"})
    void theProgramsControlsAreThere(String words) {
        List<String> matches = CATALOG.controls().stream()
                .filter(c -> (c.name() + " " + c.description()).toLowerCase(Locale.ROOT).contains(words))
                .map(c -> c.key().value()).toList();
        assertThat(matches).as("a control about '" + words + "'").isNotEmpty();
    }

    @Test
    void everyRequirementIsCoveredByAControlOrSaysWhyNot() {
        for (Framework framework : CATALOG.frameworks()) {
            Coverage coverage = Coverage.of(framework);
            assertThat(coverage.gaps()).as(framework.id() + " requirements with neither controls nor a reason").isEmpty();
        }
        // The uncovered ones stay the exception: about a tenth of a security framework; privacy laws list
        // exemptions (journalism, public records, ...) that bind nobody to a control, so they get more room.
        for (Framework framework : CATALOG.frameworks()) {
            Coverage coverage = Coverage.of(framework);
            boolean securityFramework = Set.of("soc2", "iso27001", "hipaa", "pci-dss").contains(framework.id());
            int allowed = securityFramework ? coverage.requirements() / 10 + 1 : coverage.requirements() / 3 + 1;
            assertThat(coverage.uncovered().size()).as(framework.id()).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void everyControlServesAtLeastOneRequirement() {
        List<String> unmapped = new ArrayList<>();
        for (Control control : CATALOG.controls()) {
            if (CATALOG.requirementsOf(control.key()).isEmpty()) {
                unmapped.add(control.key().value());
            }
        }
        assertThat(unmapped).isEmpty();
    }

    @Test
    void manyControlsServeSeveralFrameworks() {
        Map<String, Integer> frameworksPerControl = new HashMap<>();
        for (Control control : CATALOG.controls()) {
            frameworksPerControl.put(control.key().value(),
                    (int) CATALOG.requirementsOf(control.key()).stream().map(r -> r.framework()).distinct().count());
        }
        long multi = frameworksPerControl.values().stream().filter(n -> n >= 3).count();
        assertThat(multi).as("controls serving three or more frameworks").isGreaterThan(CATALOG.controls().size() / 2);
    }

    @Test
    void adoptingIso27001OnTopOfSoc2NeedsOnlyTheDifference() {
        Overlap overlap = Overlap.of(CATALOG.requireFramework("soc2"), CATALOG.requireFramework("iso27001"));

        assertThat(overlap.sharedControls()).isNotEmpty();
        assertThat(overlap.additionalCount()).isEqualTo(overlap.toControls() - overlap.sharedControls().size());
        assertThat(overlap.sharedControls()).doesNotContainAnyElementsOf(overlap.additionalControls());
        assertThat(Overlap.of(CATALOG.requireFramework("soc2"), CATALOG.requireFramework("soc2")).additionalCount()).isZero();
    }

    @Test
    void everyFrameworkFileSaysWhichEditionItFollows() throws IOException {
        for (Framework framework : CATALOG.frameworks()) {
            try (InputStream in = getClass().getResourceAsStream("/catalog/frameworks/" + framework.id() + ".yaml")) {
                assertThat(in).as(framework.id()).isNotNull();
                String head = new String(in.readNBytes(400), StandardCharsets.UTF_8);
                assertThat(head).as(framework.id()).startsWith("# Edition:");
            }
            assertThat(framework.edition()).isNotBlank();
        }
    }
}
