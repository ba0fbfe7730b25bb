package dev.attest.people;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person signed the confidentiality agreement. */
public record AgreementSigned(WorkspaceId workspaceId, UUID personId, String email, String actor) implements PersonEvent {

    @Override
    public String verb() {
        return "agreement-signed";
    }
}
