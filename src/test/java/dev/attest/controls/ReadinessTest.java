package dev.attest.controls;

import dev.attest.catalog.Category;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTest {

    private static final ControlKey AC1 = new ControlKey("AC-01");
    private static final ControlKey AC2 = new ControlKey("AC-02");
    private static final ControlKey EN1 = new ControlKey("EN-01");

    private static Requirement requirement(String ref, String category, ControlKey... controls) {
        return new Requirement("soc2", ref, ref, null, null, false, category, null, false, List.of(controls), null);
    }

    private final Framework framework = new Framework("soc2", "SOC 2", "2017", "test", null,
            List.of(new Category("security", "Security", true), new Category("availability", "Availability", false)),
            List.of(new Requirement("soc2", "CC6", "Access", null, null, true, "security", null, false, List.of(), null),
                    requirement("CC6.1", "security", AC1, AC2),
                    requirement("CC6.2", "security", AC2),
                    requirement("CC6.3", "security", EN1),
                    new Requirement("soc2", "CC1.2", "Board", null, null, false, "security", null, false, List.of(), "organisational"),
                    requirement("A1.1", "availability", AC1)));

    @Test
    void aRequirementIsReadyOnlyWhenAllItsControlsAreSatisfied() {
        FrameworkReadiness readiness = Readiness.of(framework, Set.of("security"), Set.of(AC1)::contains);

        assertThat(readiness.inScope()).isEqualTo(3);
        assertThat(readiness.ready()).isZero();
        assertThat(readiness.percent()).isEqualTo(0.0);
    }

    @Test
    void countsReadyRequirementsAndRoundsThePercentDown() {
        FrameworkReadiness readiness = Readiness.of(framework, Set.of("security"), Set.of(AC2)::contains);

        assertThat(readiness.ready()).isEqualTo(1);
        assertThat(readiness.percent()).isEqualTo(33.3);

        FrameworkReadiness twoOfThree = Readiness.of(framework, Set.of("security"), Set.of(AC1, AC2)::contains);
        assertThat(twoOfThree.ready()).isEqualTo(2);
        assertThat(twoOfThree.percent()).isEqualTo(66.6);
    }

    @Test
    void categoriesOutOfScopeAreLeftOut() {
        FrameworkReadiness withAvailability = Readiness.of(framework, Set.of("security", "availability"), Set.of(AC1, AC2, EN1)::contains);

        assertThat(withAvailability.inScope()).isEqualTo(4);
        assertThat(withAvailability.ready()).isEqualTo(4);
        assertThat(withAvailability.percent()).isEqualTo(100.0);
    }

    @Test
    void requirementsNoControlCoversAreCountedApart() {
        FrameworkReadiness readiness = Readiness.of(framework, Set.of("security"), key -> true);

        assertThat(readiness.outsideLibrary()).isEqualTo(1);
        assertThat(readiness.inScope()).isEqualTo(3);
    }

    @Test
    void nothingInScopeIsZeroPercentNotAnError() {
        Framework empty = new Framework("x", "X", "1", "e", null, List.of(), List.of());

        assertThat(Readiness.of(empty, Set.of(), key -> true).percent()).isEqualTo(0.0);
    }
}
