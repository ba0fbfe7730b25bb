package dev.attest.people.internal;

import dev.attest.people.Item;
import dev.attest.people.ItemState;
import dev.attest.people.OffboardingTask;
import dev.attest.people.Person;
import dev.attest.people.Signature;
import dev.attest.people.Training;
import dev.attest.policies.Acceptance;
import dev.attest.policies.PolicySummary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of onboarding and offboarding, as one pure function of what is recorded: policies
 * accepted within 30 days of the start (or of a new version's publication), training before
 * start + 30 days and then yearly, the agreement and the background check before the start, and
 * each access revocation within 24 hours of the end.
 */
public final class Onboarding {

    public static final Duration POLICY_WINDOW = Duration.ofDays(30);
    public static final Duration TRAINING_WINDOW = Duration.ofDays(30);
    public static final Duration TRAINING_VALIDITY = Duration.ofDays(365);
    public static final Duration REVOCATION_WINDOW = Duration.ofHours(24);

    private Onboarding() {
    }

    /** Everything recorded for a workspace, loaded once for many people. */
    public record Records(List<PolicySummary> published, Map<String, List<Acceptance>> acceptancesByEmail,
                          Map<UUID, List<Training>> trainingsByPerson, Map<UUID, Signature> signatures,
                          Map<UUID, PeopleStore.StoredCheck> checks, Map<UUID, List<OffboardingTask>> tasksByPerson) {
    }

    /** When a person's onboarding clock starts: the start date, or the day they were added when it is unknown. */
    public static Instant start(Person p) {
        return p.startDate() != null ? p.startDate().atStartOfDay().toInstant(ZoneOffset.UTC) : p.createdAt();
    }

    /** The end of a person's last day. */
    public static Instant end(LocalDate endDate) {
        return endDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static List<PolicySummary> required(Person p, List<PolicySummary> published) {
        if (p.requiredPolicies().isEmpty()) {
            return published;
        }
        return published.stream().filter(s -> p.requiredPolicies().contains(s.policy().id())).toList();
    }

    public static List<Item> items(Person p, Records r, Instant now) {
        List<Item> items = new ArrayList<>();
        boolean active = p.activeOn(now.atZone(ZoneOffset.UTC).toLocalDate());
        Instant start = start(p);
        if (active) {
            List<Acceptance> accepted = r.acceptancesByEmail().getOrDefault(p.email(), List.of());
            for (PolicySummary s : required(p, r.published())) {
                Acceptance a = accepted.stream().filter(x -> x.versionId().equals(s.current().id())).findFirst().orElse(null);
                Instant due = later(start, s.current().publishedAt()).plus(POLICY_WINDOW);
                items.add(item("policy", s.policy().id().toString(), "Accept " + s.policy().title() + " v" + s.current().number(),
                        a == null ? null : a.acceptedAt(), due, now, null));
            }
            List<Training> trainings = r.trainingsByPerson().getOrDefault(p.id(), List.of());
            Training last = trainings.stream().max(Comparator.comparing(Training::completedAt)).orElse(null);
            boolean trainingCurrent = last != null && last.completedAt().isAfter(now.minus(TRAINING_VALIDITY));
            items.add(item("training", "training", "Security awareness training", trainingCurrent ? last.completedAt() : null,
                    last == null ? start.plus(TRAINING_WINDOW) : last.completedAt().plus(TRAINING_VALIDITY), now,
                    last == null ? null : last.course()));
            Signature signature = r.signatures().get(p.id());
            items.add(item("agreement", "agreement", "Sign the confidentiality agreement", signature == null ? null : signature.signedAt(),
                    start, now, signature == null ? null : "signed as " + signature.signedName()));
            PeopleStore.StoredCheck check = r.checks().get(p.id());
            boolean checkDone = check != null && ("completed".equals(check.status()) || "waived".equals(check.status()));
            Instant checkDoneAt = !checkDone ? null
                    : check.completedOn() != null ? check.completedOn().atStartOfDay().toInstant(ZoneOffset.UTC) : check.updatedAt();
            items.add(item("background-check", "background-check", "Background check before the start date", checkDoneAt, start, now,
                    check == null ? null : check.status() + (check.provider() == null ? "" : " · " + check.provider())));
        }
        for (OffboardingTask t : r.tasksByPerson().getOrDefault(p.id(), List.of())) {
            items.add(item("offboarding", t.system(), "Revoke access to " + t.system(), t.confirmedAt(), t.due(), now,
                    t.confirmedBy() == null ? null : "confirmed by " + t.confirmedBy()));
        }
        return items;
    }

    private static Item item(String kind, String key, String title, Instant doneAt, Instant due, Instant now, String detail) {
        ItemState state = doneAt != null ? ItemState.DONE : now.isAfter(due) ? ItemState.OVERDUE : ItemState.DUE;
        return new Item(kind, key, title, state, due, doneAt, detail);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
