package dev.attest.people.internal;

import dev.attest.people.EmploymentType;
import dev.attest.people.Item;
import dev.attest.people.ItemState;
import dev.attest.people.OffboardingTask;
import dev.attest.people.Person;
import dev.attest.people.Training;
import dev.attest.policies.Acceptance;
import dev.attest.policies.Policy;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.ReviewState;
import dev.attest.policies.VersionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The onboarding and offboarding rules as a pure function of the records and the time. */
class OnboardingTest {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    static final UUID POLICY = UUID.randomUUID();
    static final UUID VERSION = UUID.randomUUID();

    private final Person person = new Person(UUID.randomUUID(), "Ada", "ada@example.test", null, null, null, EmploymentType.EMPLOYEE,
            LocalDate.parse("2026-03-02"), null, List.of(), null, START.minus(Duration.ofDays(20)), START, null);

    private final PolicySummary published = new PolicySummary(
            new Policy(POLICY, "Code of Conduct", "code-of-conduct", null, List.of("PS-03"), LocalDate.parse("2027-01-01"), START, "a"),
            new PolicyVersion(VERSION, POLICY, 1, VersionStatus.PUBLISHED, "# Code", "hash", START, "a", START, "a",
                    START, "a", Instant.parse("2026-01-01T00:00:00Z"), "a"),
            null, ReviewState.CURRENT);

    private Onboarding.Records records(List<Acceptance> acceptances, List<Training> trainings, List<OffboardingTask> tasks) {
        return new Onboarding.Records(List.of(published), Map.of(person.email(), acceptances),
                Map.of(person.id(), trainings), Map.of(), Map.of(), Map.of(person.id(), tasks));
    }

    private static ItemState state(List<Item> items, String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).findFirst().orElseThrow().state();
    }

    @Test
    void policiesAndTrainingAreDueWithin30DaysOfTheStartAndOverdueAfter() {
        var nothing = records(List.of(), List.of(), List.of());

        assertThat(state(Onboarding.items(person, nothing, START.plus(Duration.ofDays(29))), "policy")).isEqualTo(ItemState.DUE);
        assertThat(state(Onboarding.items(person, nothing, START.plus(Duration.ofDays(31))), "policy")).isEqualTo(ItemState.OVERDUE);
        assertThat(state(Onboarding.items(person, nothing, START.plus(Duration.ofDays(31))), "training")).isEqualTo(ItemState.OVERDUE);
        assertThat(state(Onboarding.items(person, nothing, START.minus(Duration.ofDays(1))), "agreement")).isEqualTo(ItemState.DUE);
        assertThat(state(Onboarding.items(person, nothing, START.plus(Duration.ofHours(1))), "background-check")).isEqualTo(ItemState.OVERDUE);
    }

    @Test
    void trainingIsDoneForAYearAndThenDueAgain() {
        Instant trained = START.plus(Duration.ofDays(10));
        var records = records(List.of(), List.of(new Training(UUID.randomUUID(), person.id(), "Basics", trained, null, "a")), List.of());

        assertThat(state(Onboarding.items(person, records, trained.plus(Duration.ofDays(364))), "training")).isEqualTo(ItemState.DONE);
        assertThat(state(Onboarding.items(person, records, trained.plus(Duration.ofDays(366))), "training")).isEqualTo(ItemState.OVERDUE);
    }

    @Test
    void onlyAnAcceptanceOfTheCurrentVersionCounts() {
        var old = new Acceptance(POLICY, UUID.randomUUID(), 0, person.email(), "old", START, "127.0.0.1");
        var current = new Acceptance(POLICY, VERSION, 1, person.email(), "hash", START, "127.0.0.1");
        Instant later = START.plus(Duration.ofDays(40));

        assertThat(state(Onboarding.items(person, records(List.of(old), List.of(), List.of()), later), "policy")).isEqualTo(ItemState.OVERDUE);
        assertThat(state(Onboarding.items(person, records(List.of(current), List.of(), List.of()), later), "policy")).isEqualTo(ItemState.DONE);
    }

    @Test
    void aDepartedPersonHasOnlyTheirRevocations() {
        Person gone = new Person(person.id(), "Ada", person.email(), null, null, null, EmploymentType.EMPLOYEE, person.startDate(),
                LocalDate.parse("2026-06-30"), List.of(), null, START, START, null);
        Instant due = Onboarding.end(gone.endDate()).plus(Onboarding.REVOCATION_WINDOW);
        var task = new OffboardingTask(UUID.randomUUID(), gone.id(), "Email", due, null, null);

        List<Item> items = Onboarding.items(gone, records(List.of(), List.of(), List.of(task)), due.plusSeconds(1));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("offboarding");
            assertThat(i.state()).isEqualTo(ItemState.OVERDUE);
        });
        assertThat(due).isEqualTo(Instant.parse("2026-07-02T00:00:00Z"));
    }
}
