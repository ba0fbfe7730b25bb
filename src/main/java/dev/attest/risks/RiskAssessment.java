package dev.attest.risks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A yearly (or ad hoc) risk assessment as recorded: when it was carried out and what it concluded. */
public record RiskAssessment(UUID id, LocalDate assessedOn, String summary, String recordedBy, Instant recordedAt) {
}
