package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.ReviewerMode;
import dev.attest.identity.Member;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.people.Person;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Freezes one system's accounts into review items: the flags each deserves against the roster and the
 * last completed campaign of the system, and who reviews it (never the account's own holder).
 */
@Component
@RequiredArgsConstructor
class Snapshots {

    private final CampaignStore store;
    private final AccountMatching matching;
    private final WorkspaceMembers members;

    List<ReviewItem> items(WorkspaceId workspace, Campaign campaign, Campaign.Scope scope, List<Account> accounts, Instant now) {
        AccountMatching.Roster roster = matching.roster(workspace, scope.systemId());
        Map<String, Member> memberByEmail = new HashMap<>();
        members.members(workspace).forEach(m -> memberByEmail.put(m.email(), m));
        Map<String, ReviewItem> previous = new HashMap<>();
        Optional<UUID> last = store.lastCompleted(workspace, scope.systemId());
        last.ifPresent(id -> store.items(workspace, id).stream().filter(i -> i.systemId().equals(scope.systemId()) && i.present())
                .forEach(i -> previous.put(i.account().accountId(), i)));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant dormantBefore = now.minus(Duration.ofDays(campaign.dormantDays()));
        List<ReviewItem> items = new ArrayList<>();
        for (Account account : accounts) {
            Person person = roster.person(account);
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            if (person != null && !person.activeOn(today)) {
                flags.add(Flag.TERMINATED);
            }
            if (person == null && account.kind() == AccountKind.USER) {
                flags.add(Flag.NO_MATCHING_PERSON);
            }
            Instant lastUse = account.lastSignIn() != null ? account.lastSignIn() : account.createdAt();
            if (account.active() && lastUse != null && lastUse.isBefore(dormantBefore)) {
                flags.add(Flag.DORMANT);
            }
            if (account.privileged()) {
                flags.add(Flag.PRIVILEGED);
            }
            if (account.kind() == AccountKind.SERVICE) {
                flags.add(Flag.SERVICE);
            }
            if (last.isPresent()) {
                ReviewItem before = previous.get(account.accountId());
                if (before == null) {
                    flags.add(Flag.NEW);
                } else if (!before.account().roles().equals(account.roles())) {
                    flags.add(Flag.ROLE_CHANGED);
                }
            }
            String personEmail = person == null ? null : person.email();
            String reviewer = reviewer(campaign, scope, person, account, personEmail, roster, memberByEmail);
            items.add(new ReviewItem(UUID.randomUUID(), campaign.id(), scope.systemId(), scope.systemName(), account, personEmail, flags,
                    reviewer, true, null, null, null, null, null));
        }
        Set<String> now_ = new java.util.HashSet<>(accounts.stream().map(Account::accountId).toList());
        for (ReviewItem gone : previous.values()) {
            if (!now_.contains(gone.account().accountId())) {
                items.add(new ReviewItem(UUID.randomUUID(), campaign.id(), scope.systemId(), scope.systemName(), gone.account(),
                        gone.personEmail(), EnumSet.of(Flag.REMOVED), scope.reviewer(), false, null, null, null, null, null));
            }
        }
        return items;
    }

    private String reviewer(Campaign campaign, Campaign.Scope scope, Person person, Account account, String personEmail,
                            AccountMatching.Roster roster, Map<String, Member> memberByEmail) {
        String reviewer = scope.reviewer();
        if (campaign.reviewerMode() == ReviewerMode.MANAGER && person != null && person.managerEmail() != null
                && memberByEmail.containsKey(person.managerEmail().toLowerCase(java.util.Locale.ROOT))) {
            reviewer = person.managerEmail().toLowerCase(java.util.Locale.ROOT);
        }
        if (!ownAccount(reviewer, account, personEmail)) {
            return reviewer;
        }
        // Nobody reviews their own account: it goes to the reviewer's manager, else to an admin.
        Person self = roster.byEmail().get(reviewer);
        if (self != null && self.managerEmail() != null) {
            String manager = self.managerEmail().toLowerCase(java.util.Locale.ROOT);
            if (memberByEmail.containsKey(manager) && !ownAccount(manager, account, personEmail)) {
                return manager;
            }
        }
        return memberByEmail.values().stream().filter(m -> m.role() == Role.ADMIN && !ownAccount(m.email(), account, personEmail))
                .map(Member::email).sorted().findFirst().orElse(reviewer);
    }

    private static boolean ownAccount(String email, Account account, String personEmail) {
        return email.equalsIgnoreCase(account.email()) || email.equalsIgnoreCase(personEmail);
    }
}
