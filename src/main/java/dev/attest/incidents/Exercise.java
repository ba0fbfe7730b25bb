package dev.attest.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A tabletop or live incident-response exercise: the yearly test of the incident response plan. */
public record Exercise(UUID id, LocalDate heldOn, String scenario, List<String> participants, String findings,
                       String recordedBy, Instant recordedAt) {

    public Exercise {
        participants = List.copyOf(participants);
    }
}
