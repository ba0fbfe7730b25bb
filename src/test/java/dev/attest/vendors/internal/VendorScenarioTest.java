package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.RiskTier;
import dev.attest.vendors.VendorAdded;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.VendorRemoved;
import dev.attest.vendors.VendorUpdated;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a vendor is added with internal data
 * only, claiming it as a subprocessor without personal data is refused, then it takes personal data
 * and becomes a high-risk subprocessor, and it is removed; each change is one event.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class VendorScenarioTest {

    @Autowired
    VendorRegister register;
    @Autowired
    Vendors vendors;
    @Autowired
    JdbcClient jdbc;

    private static VendorDetails details(String name, Set<DataCategory> data, boolean subprocessor) {
        return new VendorDetails(name, "https://example.com", "Sends the newsletter", data, List.of("DE"), subprocessor, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aVendorIsAddedBecomesASubprocessorAndIsRemoved(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        String name = "Scenario mail " + UUID.randomUUID().toString().substring(0, 8);
        UUID[] id = new UUID[1];

        scenario.stimulate(() -> id[0] = register.add(ws, details(name, EnumSet.of(DataCategory.INTERNAL), false), "test").id())
                .andWaitForEventOfType(VendorAdded.class)
                .matching(e -> e.name().equals(name))
                .toArriveAndVerify(e -> {
                    assertThat(e.target()).isEqualTo("vendor:" + id[0]);
                    assertThat(vendors.get(ws, id[0]).riskTier()).isEqualTo(RiskTier.MEDIUM);
                });

        assertThatThrownBy(() -> register.update(ws, id[0], details(name, EnumSet.of(DataCategory.INTERNAL), true), "test"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsKey("subprocessor"));

        scenario.stimulate(() -> register.update(ws, id[0], details(name, EnumSet.of(DataCategory.PERSONAL), true), "test"))
                .andWaitForEventOfType(VendorUpdated.class)
                .matching(e -> e.vendorId().equals(id[0]))
                .toArriveAndVerify(e -> {
                    assertThat(e.summary()).isEqualTo("vendor " + name + " updated");
                    assertThat(vendors.subprocessors(ws)).anyMatch(v -> v.id().equals(id[0]) && v.riskTier() == RiskTier.HIGH);
                });

        scenario.stimulate(() -> register.remove(ws, id[0], "test"))
                .andWaitForEventOfType(VendorRemoved.class)
                .matching(e -> e.vendorId().equals(id[0]))
                .toArriveAndVerify(e -> assertThat(e.action()).isEqualTo("vendors.removed"));
    }

    @Autowired
    VendorForms forms;

    @Test
    void theDetailsAreCheckedByTheirConstraintsAndAFormNamesEveryBadFieldAtOnce(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        assertThatThrownBy(() -> register.add(ws, details(" ", EnumSet.of(DataCategory.INTERNAL), false), "test"))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(Submission.fieldErrors(e.getConstraintViolations()))
                        .containsEntry("name", "is required"));

        VendorForm bad = new VendorForm("", "ftp://files.example", null, List.of("internal", "secrets"), List.of("XX"), false, null, null,
                null, "someday", null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> forms.details(ws, null, bad))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .containsKeys("name", "website", "data", "countries", "contractStart"));

        String name = "Scenario typed " + UUID.randomUUID().toString().substring(0, 8);
        VendorForm good = new VendorForm(" " + name + " ", "https://example.com", null, List.of("personal"), List.of("de", "DE"), true, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        scenario.stimulate(() -> register.add(ws, forms.details(ws, null, good), "test"))
                .andWaitForEventOfType(VendorAdded.class)
                .matching(e -> e.name().equals(name))
                .toArriveAndVerify(e -> assertThat(vendors.get(ws, e.vendorId()).details().countries()).containsExactly("DE"));
    }
}
