package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.BackgroundCheck;
import dev.attest.people.BackgroundCheckRecorded;
import dev.attest.people.Person;
import dev.attest.web.InvalidFieldException;
import dev.attest.crypto.MasterKey;
import dev.attest.web.NotFoundException;
import dev.attest.web.FieldChecks;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Background checks: status, date and provider in clear, the outcome sealed with the master key. */
@Service
@RequiredArgsConstructor
public class BackgroundChecks {

    /** The master-key purpose under which background-check outcomes are sealed. */
    static final String OUTCOME_PURPOSE = "people background-check outcome";
    static final Set<String> CHECK_STATUSES = Set.of("pending", "completed", "waived");

    private final PeopleStore store;
    private final MasterKey masterKey;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Records a background check; the outcome is encrypted before it reaches the database. */
    @Transactional
    public BackgroundCheck recordBackgroundCheck(WorkspaceId workspace, UUID personId, String status, String completedOn,
                                                 String provider, String outcome, String actor) {
        Person p = store.person(workspace, personId).orElseThrow(() -> new NotFoundException("No such person"));
        Map<String, String> errors = new LinkedHashMap<>();
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (!CHECK_STATUSES.contains(s)) {
            errors.put("status", "must be one of pending, completed, waived");
        }
        LocalDate done = Fields.date(completedOn, "completedOn", errors);
        if ("completed".equals(s) && done == null && !errors.containsKey("completedOn")) {
            errors.put("completedOn", "is required when the check is completed");
        }
        if (done != null && done.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            errors.put("completedOn", "cannot be in the future");
        }
        String prov = FieldChecks.trimmed(provider);
        if (prov != null && prov.length() > 200) {
            errors.put("provider", "must be at most 200 characters");
        }
        if (outcome != null && outcome.length() > 2000) {
            errors.put("outcome", "must be at most 2000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String sealed = outcome == null || outcome.isBlank() ? null : masterKey.seal(outcome.strip(), OUTCOME_PURPOSE, context(workspace, personId));
        store.saveCheck(workspace, new PeopleStore.StoredCheck(personId, s, done, prov, sealed, clock.instant(), actor));
        events.publishEvent(new BackgroundCheckRecorded(workspace, personId, p.email(), actor, s));
        return backgroundCheck(workspace, personId, true).orElseThrow();
    }

    /** The person's background check; the outcome is decrypted only when asked for (admins). */
    @Transactional(readOnly = true)
    public Optional<BackgroundCheck> backgroundCheck(WorkspaceId workspace, UUID personId, boolean withOutcome) {
        return Optional.ofNullable(store.checks(workspace).get(personId)).map(c -> new BackgroundCheck(c.status(), c.completedOn(),
                c.provider(), withOutcome && c.sealedOutcome() != null
                        ? masterKey.open(c.sealedOutcome(), OUTCOME_PURPOSE, context(workspace, personId)) : null, c.updatedAt(), c.updatedBy()));
    }

    private static String context(WorkspaceId workspace, UUID personId) {
        return "background-check:" + workspace + ":" + personId;
    }
}
