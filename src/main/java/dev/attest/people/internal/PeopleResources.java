package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.people.Item;
import dev.attest.people.ItemState;
import dev.attest.people.OffboardingTask;
import dev.attest.people.Person;
import dev.attest.people.Training;
import dev.attest.policies.Acceptance;
import dev.attest.policies.PolicySummary;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offers each person ({@code people.person}) to the checks, with the dates the checks compare,
 * and each open onboarding item and revocation to the obligations calendar.
 */
@Component
@RequiredArgsConstructor
class PeopleResources implements ResourceSource, ObligationSource {

    static final String PERSON = "people.person";

    private final Roster people;
    private final Clock clock;

    @Override
    public Set<String> types() {
        return Set.of(PERSON);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resource> resources(WorkspaceId workspace) {
        Onboarding.Records records = people.records(workspace);
        Instant now = clock.instant();
        List<Resource> resources = new ArrayList<>();
        for (Person p : people.list(workspace)) {
            resources.add(new Resource(PERSON, p.email(), document(p, records, now)));
        }
        return resources;
    }

    static Map<String, Object> document(Person p, Onboarding.Records r, Instant now) {
        ResourceData d = new ResourceData();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        d.put("name", p.name());
        d.put("email", p.email());
        d.name("employmentType", p.employmentType());
        d.optional("title", p.title());
        d.optional("department", p.department());
        d.optional("managerEmail", p.managerEmail());
        d.put("active", p.activeOn(today));
        d.time("startAt", Onboarding.start(p));
        d.time("endAt", p.endDate() == null ? null : Onboarding.end(p.endDate()));

        List<PolicySummary> required = Onboarding.required(p, r.published());
        List<Acceptance> accepted = r.acceptancesByEmail().getOrDefault(p.email(), List.of());
        List<String> outstanding = new ArrayList<>();
        long overdue = 0;
        for (PolicySummary s : required) {
            Instant due = (s.current().publishedAt().isAfter(Onboarding.start(p)) ? s.current().publishedAt() : Onboarding.start(p))
                    .plus(Onboarding.POLICY_WINDOW);
            Acceptance a = accepted.stream().filter(x -> x.versionId().equals(s.current().id())).findFirst().orElse(null);
            if (a == null) {
                outstanding.add(s.policy().title());
                if (now.isAfter(due)) {
                    overdue++;
                }
            } else if (a.acceptedAt().isAfter(due)) {
                overdue++;
            }
        }
        d.put("requiredPolicies", (long) required.size());
        d.put("policiesOutstanding", outstanding);
        d.put("policyAcceptancesOverdue", overdue);

        List<Training> trainings = r.trainingsByPerson().getOrDefault(p.id(), List.of());
        trainings.stream().max(Comparator.comparing(Training::completedAt))
                .ifPresent(t -> d.time("trainingCompletedAt", t.completedAt()));
        trainings.stream().min(Comparator.comparing(Training::completedAt))
                .ifPresent(t -> d.time("firstTrainingAt", t.completedAt()));

        var signature = r.signatures().get(p.id());
        d.time("agreementSignedAt", signature == null ? null : signature.signedAt());
        var check = r.checks().get(p.id());
        d.put("backgroundCheckStatus", check == null ? "none" : check.status());
        d.startOf("backgroundCheckCompletedAt", check == null ? null : check.completedOn());

        List<OffboardingTask> tasks = r.tasksByPerson().getOrDefault(p.id(), List.of());
        long open = tasks.stream().filter(t -> t.confirmedAt() == null).count();
        long late = tasks.stream().filter(t -> t.confirmedAt() == null ? now.isAfter(t.due()) : t.confirmedAt().isAfter(t.due())).count();
        d.put("revocations", (long) tasks.size());
        d.put("revocationsOpen", open);
        d.put("revocationsLate", late);

        List<Item> items = Onboarding.items(p, r, now);
        d.put("overdueItems", items.stream().filter(i -> i.state() == ItemState.OVERDUE).count());
        return d.map();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Obligation> obligations(WorkspaceId workspace) {
        List<Obligation> obligations = new ArrayList<>();
        for (var status : people.statuses(workspace)) {
            Person p = status.person();
            for (Item item : status.items()) {
                if (item.state() == ItemState.DONE) {
                    continue;
                }
                boolean offboarding = "offboarding".equals(item.kind());
                obligations.add(new Obligation("people:" + item.kind() + ":" + p.id() + ":" + item.key(),
                        offboarding ? "offboarding-revocation" : "onboarding-" + item.kind(),
                        item.title() + (offboarding ? " for " : " (") + p.name() + (offboarding ? "" : ")"),
                        offboarding ? null : p.email(), item.due(), offboarding ? "/people/" + p.id() : "/portal"));
            }
        }
        return obligations;
    }
}
