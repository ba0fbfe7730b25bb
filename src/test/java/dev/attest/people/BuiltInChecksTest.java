package dev.attest.people;

import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.people.internal.Agreements;
import dev.attest.people.internal.BackgroundChecks;
import dev.attest.people.internal.Roster;
import dev.attest.people.internal.Trainings;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.VersionAction;
import dev.attest.policies.internal.Approval;
import dev.attest.policies.internal.Drafting;
import dev.attest.support.AttestTest;
import dev.attest.support.BuiltInChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in checks of people.yaml and policies.yaml, run by the monitoring engine over what the resource sources offer: the onboarded person passes, the others fail
 * exactly the checks that describe what they have not done.
 */
@AttestTest
class BuiltInChecksTest {

    @Autowired
    Roster people;
    @Autowired
    Trainings trainings;
    @Autowired
    Agreements agreements;
    @Autowired
    BackgroundChecks checks;

    @Autowired
    Policies policies;

    @Autowired
    Drafting drafting;

    @Autowired
    Approval approval;

    @Autowired
    Catalog catalog;

    @Autowired
    List<ResourceSource> sources;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyCheckCompilesNamesRealControlsAndJudgesPeopleAndPolicies() throws Exception {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        List<BuiltInChecks> files = List.of(new BuiltInChecks("people.yaml"), new BuiltInChecks("policies.yaml"));
        for (BuiltInChecks file : files) {
            for (Map<String, Object> check : file.all()) {
                assertThat((String) check.get("key")).matches("[a-z0-9]+(-[a-z0-9]+)*");
                assertThat(check.get("severity")).isIn("critical", "high", "medium", "low");
                @SuppressWarnings("unchecked")
                List<String> controls = (List<String>) check.get("controls");
                controls.forEach(key -> assertThat(catalog.control(key)).as(check.get("key") + " " + key).isPresent());
            }
        }

        PolicySummary policy = drafting.createFromTemplate(ws, "code-of-conduct", null, "test");
        UUID policyId = policy.policy().id();
        policies.saveSettings(ws, Map.of(dev.attest.policies.Policies.SEPARATE_APPROVER, "false"), "test");
        for (VersionAction action : List.of(VersionAction.SUBMIT, VersionAction.APPROVE, VersionAction.PUBLISH)) {
            approval.take(ws, policyId, 1, action, "approver@example.test");
        }
        PolicySummary draft = drafting.createFromTemplate(ws, "physical-security", null, "test");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Person good = people.add(ws, input("good", today.minusDays(40), null, policyId), null, "test");
        policies.accept(ws, policyId, 1, good.email(), "127.0.0.1", good.email());
        trainings.recordTraining(ws, good.id(), "Security basics", today.minusDays(35), null, "test");
        agreements.signAgreement(ws, good.id(), good.name(), "127.0.0.1", good.email());
        checks.recordBackgroundCheck(ws, good.id(), "completed", today.minusDays(45).toString(), "Checkr", "clear", "test");

        Person late = people.add(ws, input("late", today.minusDays(40), null, policyId), null, "test");
        Person starting = people.add(ws, input("starting", today.plusDays(10), null, policyId), null, "test");
        Person departed = people.add(ws, input("departed", today.minusDays(300), today.minusDays(3), policyId), null, "test");

        Map<String, Set<String>> failures = new TreeMap<>();
        for (ResourceSource source : sources) {
            for (Resource r : source.resources(ws)) {
                for (BuiltInChecks file : files) {
                    file.evaluate(r, Instant.now()).forEach((key, passed) -> {
                        if (!passed) {
                            failures.computeIfAbsent(r.id(), k -> new java.util.TreeSet<>()).add(key);
                        }
                    });
                }
            }
        }

        assertThat(failures.get(good.email())).as("fully onboarded").isNull();
        // The policy was published today, so the late starter still has 30 days to accept it.
        assertThat(failures.get(late.email())).containsExactlyInAnyOrder("people-training-current",
                "people-background-check-before-start", "people-confidentiality-agreement", "people-onboarding-complete");
        assertThat(failures.get(starting.email())).as("not started yet: nothing is late").isNull();
        assertThat(failures.get(departed.email())).containsExactly("people-access-revoked-24h");
        assertThat(failures.get(policyId.toString())).containsExactly("policies-owner-assigned");
        assertThat(failures.get(draft.policy().id().toString())).contains("policies-published");
    }

    private PersonDetails input(String who, LocalDate start, LocalDate end, UUID policy) {
        return new PersonDetails(who + " " + run, who + "." + run + "@example.test", null, null, null, EmploymentType.EMPLOYEE, start,
                end, List.of(policy));
    }
}
