package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignStatus;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.people.Person;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Offers campaigns ({@code accessreviews.campaign}) and every collected account
 * ({@code accessreviews.account}) to the checks, and open campaigns, open remediation tasks and the next
 * recurring campaign to the obligations calendar.
 */
@Component
@RequiredArgsConstructor
class AccessReviewResources implements ResourceSource, ObligationSource {

    static final String CAMPAIGN = "accessreviews.campaign";
    static final String ACCOUNT = "accessreviews.account";

    private final CampaignStore campaigns;
    private final SystemStore systems;
    private final AccountMatching matching;
    private final Clock clock;

    @Override
    public Set<String> types() {
        return Set.of(CAMPAIGN, ACCOUNT);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resource> resources(WorkspaceId workspace) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Resource> resources = new ArrayList<>();
        for (Campaign c : campaigns.list(workspace)) {
            List<RemediationTask> tasks = campaigns.tasks(workspace, c.id());
            List<ReviewItem> items = campaigns.items(workspace, c.id());
            ResourceData d = new ResourceData();
            d.put("name", c.name());
            d.name("status", c.status());
            d.time("dueAt", endOf(c.dueOn()));
            d.put("systems", c.systems().stream().map(Campaign.Scope::systemName).toList());
            d.put("accounts", (long) items.stream().filter(ReviewItem::present).count());
            d.put("undecided", items.stream().filter(i -> i.present() && i.decision() == null).count());
            d.put("privilegedUndecided", items.stream().filter(i -> i.present() && i.decision() == null && i.account().privileged()).count());
            d.put("openTasks", tasks.stream().filter(t -> t.status().open()).count());
            d.put("overdueTasks", tasks.stream().filter(t -> t.status().open() && t.dueOn().isBefore(today)).count());
            d.put("unverifiedTasks", tasks.stream().filter(t -> t.status() == dev.attest.accessreviews.TaskStatus.CLOSED_UNVERIFIED).count());
            d.time("startedAt", c.startedAt());
            d.time("completedAt", c.completedAt());
            resources.add(d.resource(CAMPAIGN, c.id().toString()));
        }
        Map<UUID, Instant> systemReviewed = campaigns.systemsReviewedAt(workspace);
        Map<String, Instant> accountReviewed = campaigns.accountsReviewedAt(workspace);
        for (SystemStore.Row system : systems.all(workspace)) {
            AccountMatching.Roster roster = matching.roster(workspace, system.id());
            for (Account a : systems.accounts(workspace, system.id(), system.name())) {
                Person person = roster.person(a);
                ResourceData d = new ResourceData();
                d.put("system", system.name());
                d.put("systemKind", system.kind());
                d.put("accountId", a.accountId());
                d.name("kind", a.kind());
                d.put("active", a.active());
                d.put("privileged", a.privileged());
                d.put("roles", a.roles());
                d.put("matched", person != null);
                d.put("personTerminated", person != null && !person.activeOn(today));
                d.optional("personEmail", person == null ? null : person.email());
                d.time("lastSignInAt", a.lastSignIn());
                d.time("lastReviewedAt", accountReviewed.get(system.id() + "/" + a.accountId()));
                d.time("systemReviewedAt", systemReviewed.get(system.id()));
                resources.add(d.resource(ACCOUNT, system.name() + "/" + a.accountId()));
            }
        }
        return resources;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Obligation> obligations(WorkspaceId workspace) {
        List<Obligation> obligations = new ArrayList<>();
        List<Campaign> all = campaigns.list(workspace);
        boolean open = false;
        for (Campaign c : all) {
            if (c.status().closed()) {
                continue;
            }
            open = true;
            String what = c.status() == CampaignStatus.REMEDIATION ? "Finish remediation of access review " : "Access review ";
            obligations.add(new Obligation("accessreviews:campaign:" + c.id(), "access-review", what + c.name(), c.createdBy(),
                    endOf(c.dueOn()), "/access-reviews/campaigns/" + c.id()));
            for (RemediationTask t : campaigns.tasks(workspace, c.id())) {
                if (t.status().open()) {
                    obligations.add(new Obligation("accessreviews:task:" + t.id(), "access-remediation",
                            (t.action() == dev.attest.accessreviews.Decision.REVOKE ? "Revoke " : "Change ") + t.accountId() + " in "
                                    + t.systemName(), t.assignee(), endOf(t.dueOn()), "/access-reviews/campaigns/" + c.id()));
                }
            }
        }
        if (!open) {
            // The next campaign of a recurring series is due one period after the last completed one was.
            all.stream().filter(c -> c.status() == CampaignStatus.COMPLETED && c.recurrence().next(c.dueOn()) != null).findFirst()
                    .ifPresent(last -> obligations.add(new Obligation("accessreviews:next:" + last.id(), "access-review",
                            "Next access review (after " + last.name() + ")", last.createdBy(), endOf(last.recurrence().next(last.dueOn())),
                            "/access-reviews")));
        }
        return obligations;
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }
}
