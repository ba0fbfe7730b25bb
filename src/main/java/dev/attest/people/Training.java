package dev.attest.people;

import java.time.Instant;
import java.util.UUID;

/** A completed security awareness training, with the uploaded certificate's name when there is one. */
public record Training(UUID id, UUID personId, String course, Instant completedAt, String certificateName, String recordedBy) {
}
