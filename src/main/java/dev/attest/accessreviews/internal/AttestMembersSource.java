package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.SourceTarget;
import dev.attest.identity.MemberAccount;
import dev.attest.identity.Role;
import dev.attest.identity.SignInSucceeded;
import dev.attest.identity.WorkspaceMembers;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Attest's own members: their role, whether a second factor is on, and their last sign-in (which this
 * module records from identity's sign-in events, as identity keeps no such column).
 */
@Component
@RequiredArgsConstructor
class AttestMembersSource implements AccountSource {

    private final WorkspaceMembers members;
    private final SystemStore store;
    private final Clock clock;

    @Override
    public String kind() {
        return "attest";
    }

    @Override
    public String targetHint() {
        return "";
    }

    @Override
    public List<Account> accounts(SourceTarget target) {
        Map<String, Instant> signIns = store.signIns(target.workspace());
        return members.memberAccounts(target.workspace()).stream().map(m -> account(target.systemName(), m, signIns)).toList();
    }

    private static Account account(String system, MemberAccount m, Map<String, Instant> signIns) {
        boolean privileged = m.member().role() == Role.ADMIN;
        return new Account(system, m.member().email(), m.member().displayName(), m.member().email(), List.of(m.member().role().wireName()),
                privileged, m.secondFactor(), signIns.get(m.member().email()), m.memberSince(), true, AccountKind.USER);
    }

    @EventListener
    void signedIn(SignInSucceeded event) {
        store.signedIn(event.workspaceId(), event.email().toLowerCase(java.util.Locale.ROOT), clock.instant());
    }
}
