package dev.attest.policies.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.policies.Acceptance;
import dev.attest.policies.AcceptanceRate;
import dev.attest.policies.PolicyAccepted;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.VersionStatus;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** People accepting the exact published version of a policy, and how many members did per policy. */
@Service
@RequiredArgsConstructor
public class Acceptances {

    private final PolicyStore store;
    private final PolicyRegister register;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Records that a person accepted a published version. Only the current (latest published)
     * version can be accepted; accepting it again keeps the first record.
     */
    @Transactional
    public Acceptance accept(WorkspaceId workspace, UUID id, int number, String email, String address, String actor) {
        PolicySummary summary = register.get(workspace, id);
        PolicyVersion v = register.version(workspace, id, number);
        if (v.status() != VersionStatus.PUBLISHED) {
            throw new PolicyStateException("Version " + number + " is not published and cannot be accepted.");
        }
        if (summary.current() == null || summary.current().number() != number) {
            throw new PolicyStateException("Version " + number + " has been superseded by version "
                    + summary.current().number() + "; read and accept the current version.");
        }
        String who = normal(email);
        Acceptance acceptance = new Acceptance(id, v.id(), number, who, v.hash(), clock.instant(), address);
        if (!store.hasAccepted(workspace, v.id(), who)) {
            store.insertAcceptance(workspace, acceptance);
            events.publishEvent(new PolicyAccepted(workspace, id, summary.policy().title(), number, who, actor));
        }
        return store.acceptances(workspace, who).stream().filter(a -> a.versionId().equals(v.id())).findFirst().orElse(acceptance);
    }

    /** Acceptances of the workspace, or of one person when email is not null. */
    @Transactional(readOnly = true)
    public List<Acceptance> acceptances(WorkspaceId workspace, String email) {
        return store.acceptances(workspace, email == null ? null : normal(email));
    }

    /**
     * Per policy with a published version: how many members (auditors aside) accepted that version. People
     * outside the workspace's membership (the roster's employees without an account) are not counted.
     */
    @Transactional(readOnly = true)
    public Map<UUID, AcceptanceRate> rates(WorkspaceId workspace) {
        Set<String> expected = new HashSet<>();
        members.members(workspace).stream().filter(m -> m.role() != Role.AUDITOR).forEach(m -> expected.add(normal(m.email())));
        Map<UUID, Set<String>> acceptedByVersion = new HashMap<>();
        for (Acceptance a : store.acceptances(workspace, null)) {
            String email = normal(a.email());
            if (expected.contains(email)) {
                acceptedByVersion.computeIfAbsent(a.versionId(), k -> new HashSet<>()).add(email);
            }
        }
        Map<UUID, AcceptanceRate> rates = new LinkedHashMap<>();
        for (PolicySummary s : register.list(workspace)) {
            if (s.current() != null) {
                rates.put(s.policy().id(), new AcceptanceRate(acceptedByVersion.getOrDefault(s.current().id(), Set.of()).size(),
                        expected.size()));
            }
        }
        return rates;
    }

    /** {@link dev.attest.policies.Policies#acceptanceTotal}: counted in the database. */
    @Transactional(readOnly = true)
    public AcceptanceRate total(WorkspaceId workspace) {
        Set<String> expected = new HashSet<>();
        members.members(workspace).stream().filter(m -> m.role() != Role.AUDITOR).forEach(m -> expected.add(normal(m.email())));
        return store.acceptanceTotal(workspace, expected);
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
