package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person signed the confidentiality agreement. */
@RecordedAs("people.agreement-signed")
public record AgreementSigned(WorkspaceId workspaceId, UUID personId, String email, String actor) implements PersonEvent {
}
