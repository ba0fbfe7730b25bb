package dev.attest.vendors;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.support.AttestTest;
import dev.attest.vendors.internal.VendorRegister;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendors' resources as monitoring will read them, run through the built-in checks of
 * checks/vendors.yaml with CEL exactly as SCHEMA.md describes, and the review obligations.
 */
@AttestTest
class VendorChecksTest {

    @Autowired
    List<ResourceSource> sources;
    @Autowired
    List<ObligationSource> obligationSources;
    @Autowired
    VendorRegister vendors;
    @Autowired
    JdbcClient jdbc;

    private WorkspaceId workspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    private ResourceSource vendorSource() {
        return sources.stream().filter(s -> s.types().contains("vendors.vendor")).findFirst().orElseThrow();
    }

    private static VendorDetails details(String name, Set<DataCategory> data, List<String> countries, boolean subprocessor,
                                         LocalDate reviewed, LocalDate dpa, LocalDate baa, TransferMechanism mechanism) {
        return new VendorDetails(name, null, "test", data, countries, subprocessor, null, null, null, null, null,
                reviewed == null ? null : "soc2", reviewed, reviewed == null ? null : "admin@localhost", null, dpa, null, baa, mechanism);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Boolean> evaluate(Resource resource) throws Exception {
        CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("now", SimpleType.TIMESTAMP)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .build();
        CelRuntime runtime = CelRuntimeFactory.plannerRuntimeBuilder().build();
        Map<String, Object> file;
        try (InputStream in = new ClassPathResource("checks/vendors.yaml").getInputStream()) {
            file = new Yaml().load(in);
        }
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (Map<String, Object> check : (List<Map<String, Object>>) file.get("checks")) {
            assertThat(check).containsKeys("key", "title", "resourceType", "severity", "controls", "description", "expression");
            assertThat(check.get("resourceType")).isEqualTo("vendors.vendor");
            CelAbstractSyntaxTree ast = compiler.compile((String) check.get("expression")).getAst();
            Object result = runtime.createProgram(ast).eval(Map.of("resource", resource.data(), "now", Instant.now()));
            results.put((String) check.get("key"), (Boolean) result);
        }
        return results;
    }

    private Resource resourceOf(Vendor vendor) {
        return vendorSource().resources(workspace()).stream().filter(r -> r.id().equals(vendor.id().toString())).findFirst().orElseThrow();
    }

    @Test
    void aWellRunSubprocessorPassesEveryCheck() throws Exception {
        LocalDate recent = LocalDate.now().minusMonths(2);
        Vendor vendor = vendors.add(workspace(), details("Good Health " + UUID.randomUUID(), Set.of(DataCategory.HEALTH, DataCategory.PERSONAL),
                List.of("US", "DE"), true, recent, recent, recent, TransferMechanism.SCCS), "test");

        Resource resource = resourceOf(vendor);
        assertThat(resource.type()).isEqualTo("vendors.vendor");
        assertThat(resource.data()).containsEntry("subprocessor", true).containsEntry("healthData", true)
                .containsEntry("riskTier", "high").containsEntry("transfersOutsideEea", true)
                .containsEntry("transferMechanism", "sccs").containsEntry("dpaSignedOn", recent + "T00:00:00Z");
        assertThat(evaluate(resource)).containsOnly(Map.entry("vendors-subprocessor-dpa", true), Map.entry("vendors-health-data-baa", true),
                Map.entry("vendors-high-risk-reviewed", true), Map.entry("vendors-transfer-mechanism", true),
                Map.entry("vendors-subprocessor-jurisdiction", true));
    }

    @Test
    void aNeglectedSubprocessorFailsEveryCheck() throws Exception {
        Vendor vendor = vendors.add(workspace(), details("Neglected " + UUID.randomUUID(), Set.of(DataCategory.HEALTH, DataCategory.PERSONAL),
                List.of("US"), true, LocalDate.now().minusMonths(13), null, null, null), "test");

        Resource resource = resourceOf(vendor);
        assertThat(resource.data()).doesNotContainKeys("dpaSignedOn", "baaSignedOn", "transferMechanism");
        // It does say where it processes data (US), so only the jurisdiction check has nothing against it.
        assertThat(evaluate(resource)).containsOnly(Map.entry("vendors-subprocessor-dpa", false), Map.entry("vendors-health-data-baa", false),
                Map.entry("vendors-high-risk-reviewed", false), Map.entry("vendors-transfer-mechanism", false),
                Map.entry("vendors-subprocessor-jurisdiction", true));
    }

    @Test
    void aSubprocessorWithoutCountriesFailsTheJurisdictionCheck() throws Exception {
        Vendor vendor = vendors.add(workspace(), details("Nowhere " + UUID.randomUUID(), Set.of(DataCategory.PERSONAL),
                List.of(), true, null, null, null, null), "test");

        assertThat(evaluate(resourceOf(vendor))).containsEntry("vendors-subprocessor-jurisdiction", false);
    }

    @Test
    void aLowRiskToolInTheEeaHasNothingToProve() throws Exception {
        Vendor vendor = vendors.add(workspace(), details("Calendar " + UUID.randomUUID(), Set.of(DataCategory.NONE), List.of("FR"),
                false, null, null, null, null), "test");

        assertThat(evaluate(resourceOf(vendor))).doesNotContainValue(false);
    }

    @Test
    void everyVendorHasAReviewObligationOwnedByItsOwner() {
        Vendor vendor = vendors.add(workspace(), new VendorDetails("Reviewed " + UUID.randomUUID(), null, null, Set.of(DataCategory.PERSONAL),
                List.of(), false, "admin@localhost", null, null, null, null, "iso27001", LocalDate.of(2026, 5, 1), "admin@localhost",
                "none", null, null, null, null), "test");

        Obligation obligation = obligationSources.stream().flatMap(s -> s.obligations(workspace()).stream())
                .filter(o -> o.id().equals("vendors:review:" + vendor.id())).findFirst().orElseThrow();
        assertThat(obligation.kind()).isEqualTo("vendor-review");
        assertThat(obligation.owner()).isEqualTo("admin@localhost");
        assertThat(obligation.due()).isEqualTo(Instant.parse("2027-05-01T00:00:00Z"));
        assertThat(obligation.path()).isEqualTo("/vendors/" + vendor.id());
    }
}
