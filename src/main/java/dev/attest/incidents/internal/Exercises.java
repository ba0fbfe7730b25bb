package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.ExerciseRecorded;
import dev.attest.incidents.RecordExercise;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The incident-response exercises a workspace held: the yearly test of its response plan. */
@Service
@Validated
@RequiredArgsConstructor
public class Exercises {

    private final IncidentStore store;
    private final NoticeSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Latest first. */
    @Transactional(readOnly = true)
    public List<Exercise> list(WorkspaceId workspace) {
        return store.exercises(workspace);
    }

    /** Records an exercise held on a day not after today in the workspace's zone. */
    @Transactional
    public Exercise record(WorkspaceId workspace, @Valid RecordExercise command, String actor) {
        if (command.heldOn().isAfter(today(workspace))) {
            throw new InvalidFieldException("heldOn", "cannot be in the future");
        }
        Exercise exercise = new Exercise(UUID.randomUUID(), command.heldOn(), command.scenario(), command.participants(),
                command.findings(), actor, clock.instant());
        store.insertExercise(workspace, exercise);
        events.publishEvent(new ExerciseRecorded(workspace, actor, exercise));
        return exercise;
    }

    /** Today where the workspace is, the last day an exercise can have been held. */
    LocalDate today(WorkspaceId workspace) {
        return LocalDate.now(clock.withZone(settings.settings(workspace).zone()));
    }
}
