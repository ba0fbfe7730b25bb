package dev.attest.responsibility.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.ComplementaryControls;
import dev.attest.responsibility.Party;
import dev.attest.responsibility.Responsibility;
import dev.attest.responsibility.ResponsibilityAssigned;
import dev.attest.responsibility.ResponsibilityChange;
import dev.attest.responsibility.SharedResponsibility;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.internal.VendorRegister;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: an admin hands a control to a provider of the
 * vendor register, then leaves two controls to the customer at once; each assignment is one event, the matrix
 * shows who carries what, and the SOC 2 complementary controls follow. A refused bulk change assigns nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class ResponsibilityScenarioTest {

    @Autowired
    Assignments assignments;
    @Autowired
    SharedResponsibility responsibility;
    @Autowired
    VendorRegister vendors;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WorkspaceId defaultWorkspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    @Test
    void aControlGoesToAProviderAndTwoToTheCustomerAtOnce(Scenario scenario) {
        WorkspaceId ws = defaultWorkspace();
        Vendor cloud = vendors.add(ws, new VendorDetails("Hyperscaler " + run, "https://cloud.example", "Hosting", Set.of(DataCategory.PERSONAL),
                List.of("us"), true, null, null, null, null, null, null, null, null, null, null, null, null, null), "admin");

        scenario.stimulate(() -> assignments.assign(ws, "PH-01", new ResponsibilityChange("provider", cloud.id(),
                        "  Restricts physical access to its data centres  ", "ignored: the customer carries no part", null), "admin"))
                .andWaitForEventOfType(ResponsibilityAssigned.class)
                .matching(e -> e.control().equals("PH-01") && cloud.name().equals(e.provider()))
                .toArriveAndVerify((e, assigned) -> {
                    assertThat(e.action()).isEqualTo("responsibility.assigned");
                    assertThat(e.summary()).isEqualTo("provider (" + cloud.name() + ")");
                    assertThat(assigned.party()).isEqualTo(Party.PROVIDER);
                    assertThat(assigned.providerName()).isEqualTo(cloud.name());
                    assertThat(assigned.providerDuty()).isEqualTo("Restricts physical access to its data centres");
                    assertThat(assigned.customerGuidance()).isNull();
                    assertThat(assigned.updatedBy()).isEqualTo("admin");
                });

        String guidance = "Set the retention of your query logs " + run;
        scenario.stimulate(() -> assignments.assignAll(ws, List.of("DP-03", "AC-01", "DP-03"),
                        new ResponsibilityChange("customer", null, null, guidance, null), "admin"))
                .andWaitForEventOfType(ResponsibilityAssigned.class)
                .matching(e -> e.control().equals("AC-01") && e.party().equals("customer"))
                .toArriveAndVerify((e, assigned) -> assertThat(assigned).extracting(Responsibility::control).containsExactly("DP-03", "AC-01"));

        assertThat(responsibility.matrix(ws)).filteredOn(r -> List.of("PH-01", "DP-03", "AC-01").contains(r.control()))
                .extracting(Responsibility::control, Responsibility::party)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("PH-01", Party.PROVIDER),
                        org.assertj.core.groups.Tuple.tuple("DP-03", Party.CUSTOMER), org.assertj.core.groups.Tuple.tuple("AC-01", Party.CUSTOMER));
        List<ComplementaryControls> complementary = responsibility.complementaryControls(ws);
        assertThat(complementary).flatExtracting(ComplementaryControls::userEntity)
                .anySatisfy(u -> assertThat(u.guidance()).isEqualTo(guidance));
        assertThat(complementary).flatExtracting(ComplementaryControls::subservice)
                .anySatisfy(s -> assertThat(s.provider()).isEqualTo(cloud.name()));
    }

    @Test
    void aRefusedBulkChangeNamesEveryFieldAndAssignsNothing() {
        WorkspaceId ws = defaultWorkspace();
        List<Responsibility> before = responsibility.matrix(ws);

        assertThatThrownBy(() -> assignments.assignAll(ws, List.of("AC-02", "AC-03"),
                new ResponsibilityChange("shared", null, "x".repeat(2001), " ", UUID.randomUUID()), "admin"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .containsEntry("providerDuty", "at most 2000 characters")
                        .containsKeys("providerId", "customerGuidance", "providerReport"));
        assertThatThrownBy(() -> assignments.assignAll(ws, List.of("AC-02", "NO-SUCH"), new ResponsibilityChange("company", null, null, null,
                null), "admin"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .containsEntry("controls", "not controls of the library: NO-SUCH"));
        assertThat(responsibility.matrix(ws)).isEqualTo(before);
    }
}
