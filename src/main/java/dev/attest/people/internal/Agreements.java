package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.AgreementSigned;
import dev.attest.people.Person;
import dev.attest.people.Signature;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.FieldChecks;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The confidentiality agreement, signed by click-through in the employee portal. */
@Service
@RequiredArgsConstructor
public class Agreements {

    private final PeopleStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A click-through signature: the person types their name; the time and address are recorded. */
    @Transactional
    public void signAgreement(WorkspaceId workspace, UUID personId, String signedName, String address, String actor) {
        Person p = store.person(workspace, personId).orElseThrow(() -> new NotFoundException("No such person"));
        String name = FieldChecks.trimmed(signedName);
        if (name == null || !name.equalsIgnoreCase(p.name())) {
            throw new InvalidFieldException("signedName", "type your full name as it appears in the roster: " + p.name());
        }
        store.insertSignature(workspace, new Signature(personId, name, clock.instant(), address));
        events.publishEvent(new AgreementSigned(workspace, personId, p.email(), actor));
    }

    @Transactional(readOnly = true)
    public Optional<Signature> signature(WorkspaceId workspace, UUID personId) {
        return Optional.ofNullable(store.signatures(workspace).get(personId));
    }
}
