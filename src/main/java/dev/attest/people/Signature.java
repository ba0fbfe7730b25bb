package dev.attest.people;

import java.time.Instant;
import java.util.UUID;

/** A click-through signature of the confidentiality agreement: the typed name, the time and the address. */
public record Signature(UUID personId, String signedName, Instant signedAt, String address) {
}
