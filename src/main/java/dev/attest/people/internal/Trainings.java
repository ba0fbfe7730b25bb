package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.Certificate;
import dev.attest.people.Person;
import dev.attest.people.Training;
import dev.attest.people.TrainingRecorded;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.FieldChecks;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Security training: each completed course of a person, with its certificate when one was uploaded. */
@Service
@RequiredArgsConstructor
public class Trainings {

    /** The largest certificate a person may upload. */
    static final int MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

    private final PeopleStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    public Training recordTraining(WorkspaceId workspace, UUID personId, String course, LocalDate completedOn,
                                   Certificate certificate, String actor) {
        Person p = person(workspace, personId);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = FieldChecks.trimmed(course);
        if (name == null) {
            errors.put("course", "is required");
        } else if (name.length() > 200) {
            errors.put("course", "must be at most 200 characters");
        }
        Instant completedAt = completedOn == null ? clock.instant() : completedOn.atStartOfDay().toInstant(ZoneOffset.UTC);
        if (completedAt.isAfter(clock.instant())) {
            errors.put("completedOn", "cannot be in the future");
        }
        if (certificate != null && certificate.content().length > MAX_CERTIFICATE_BYTES) {
            errors.put("certificate", "must be at most 5 MB");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Training t = new Training(UUID.randomUUID(), personId, name, completedAt, certificate == null ? null : certificate.name(), actor);
        store.insertTraining(workspace, t, certificate);
        events.publishEvent(new TrainingRecorded(workspace, personId, p.email(), actor, name));
        return t;
    }

    @Transactional(readOnly = true)
    public List<Training> trainings(WorkspaceId workspace, UUID personId) {
        person(workspace, personId);
        return store.trainings(workspace, personId);
    }

    private Person person(WorkspaceId workspace, UUID id) {
        return store.person(workspace, id).orElseThrow(() -> new NotFoundException("No such person"));
    }
}
