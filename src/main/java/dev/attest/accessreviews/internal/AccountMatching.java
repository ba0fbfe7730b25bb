package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountLinked;
import dev.attest.identity.WorkspaceId;
import dev.attest.people.People;
import dev.attest.people.Person;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who holds an account: the person linked to it by hand, else the roster person with the account's
 * email. Accounts matched to nobody are flagged for the reviewer.
 */
@Service
@RequiredArgsConstructor
class AccountMatching {

    /** The roster as of now, indexed by email, and the manual links of one system. */
    record Roster(Map<String, Person> byEmail, Map<String, String> links) {

        /** The person holding the account, if any. */
        Person person(Account account) {
            String linked = links.get(account.accountId());
            return linked != null ? byEmail.get(linked) : account.email() == null ? null : byEmail.get(account.email());
        }
    }

    /** An account with the person it is matched to (null when unmatched) and how. */
    record Matched(Account account, Person person, boolean linkedByHand) {
    }

    private final People people;
    private final SystemStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Roster roster(WorkspaceId workspace, UUID systemId) {
        Map<String, Person> byEmail = new HashMap<>();
        for (Person p : people.list(workspace)) {
            byEmail.put(p.email().toLowerCase(Locale.ROOT), p);
        }
        return new Roster(byEmail, store.links(workspace, systemId));
    }

    List<Matched> match(WorkspaceId workspace, UUID systemId, List<Account> accounts) {
        Roster roster = roster(workspace, systemId);
        return accounts.stream().map(a -> new Matched(a, roster.person(a), roster.links().containsKey(a.accountId()))).toList();
    }

    /** The system's accounts as last collected, each with the person it is matched to. */
    List<Matched> current(WorkspaceId workspace, UUID systemId, String systemName) {
        return match(workspace, systemId, store.accounts(workspace, systemId, systemName));
    }

    /** Links an account to a roster person by hand; a null or blank email removes the link. */
    @Transactional
    void link(WorkspaceId workspace, SystemStore.Row system, String accountId, String personEmail, String actor) {
        if (accountId == null || accountId.isBlank()) {
            throw new InvalidFieldException("accountId", "the account to link");
        }
        String email = personEmail == null || personEmail.isBlank() ? null : personEmail.strip().toLowerCase(Locale.ROOT);
        if (email != null && people.byEmail(workspace, email).isEmpty()) {
            throw new InvalidFieldException("personEmail", "'" + personEmail + "' is not a person of the roster");
        }
        store.link(workspace, system.id(), accountId.strip(), email, actor, clock.instant());
        events.publishEvent(new AccountLinked(workspace, actor, system.id(), accountId.strip(), email));
    }
}
