package dev.attest.accessreviews.internal;

import dev.attest.web.Columns;
import dev.attest.accessreviews.CreateCampaign;
import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignAction;
import dev.attest.accessreviews.CampaignCancelled;
import dev.attest.accessreviews.CampaignCreated;
import dev.attest.accessreviews.CampaignStarted;
import dev.attest.accessreviews.CampaignStateException;
import dev.attest.accessreviews.CampaignStatus;
import dev.attest.accessreviews.Recurrence;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.ReviewerMode;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Campaigns from draft to start and cancellation. Starting collects every system in scope afresh (a
 * system that cannot be read stops the start, named with its error), freezes the accounts with their
 * flags and reviewers, and stores that snapshot in the evidence ledger.
 */
@Service
@RequiredArgsConstructor
class Campaigns {

    static final int DEFAULT_DORMANT_DAYS = 90;

    private final CampaignStore store;
    private final Systems systems;
    private final AccountCollection collection;
    private final Snapshots snapshots;
    private final CampaignProgress progress;
    private final WorkspaceMembers members;
    private final EvidenceLocker evidence;
    private final ReviewMail mail;
    private final CommandChecks commands;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Transactional
    Campaign create(WorkspaceId workspace, CreateCampaign command, String actor) {
        Map<String, String> errors = commands.violations(command);
        Recurrence recurrence = command.recurrence() == null || command.recurrence().isBlank() ? Recurrence.QUARTERLY
                : WireName.parse(Recurrence.class, command.recurrence()).orElse(null);
        if (recurrence == null) {
            errors.put("recurrence", "none, monthly, quarterly, semiannual or annual");
        }
        ReviewerMode mode = command.reviewerMode() == null || command.reviewerMode().isBlank() ? ReviewerMode.OWNER
                : WireName.parse(ReviewerMode.class, command.reviewerMode()).orElse(null);
        if (mode == null) {
            errors.put("reviewerMode", "owner or manager");
        }
        if (command.dueOn() != null && command.dueOn().isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            errors.put("dueOn", "a date from today on");
        }
        List<Campaign.Scope> scopes = new ArrayList<>();
        if (command.systems() != null) {
            for (int i = 0; i < command.systems().size(); i++) {
                CreateCampaign.Scope s = command.systems().get(i);
                if (s == null || s.systemId() == null) {
                    continue;
                }
                var system = systems.find(workspace, s.systemId());
                if (system.isEmpty()) {
                    errors.put("systems[" + i + "].systemId", "no review system " + s.systemId());
                    continue;
                }
                String reviewer = s.reviewer() == null || s.reviewer().isBlank() ? system.get().ownerEmail() : Systems.normalize(s.reviewer());
                if (members.memberByEmail(workspace, reviewer).isEmpty()) {
                    errors.put("systems[" + i + "].reviewer", "'" + reviewer + "' is not a member of this workspace");
                }
                if (scopes.stream().anyMatch(x -> x.systemId().equals(s.systemId()))) {
                    errors.put("systems[" + i + "].systemId", "listed twice");
                }
                scopes.add(new Campaign.Scope(s.systemId(), system.get().name(), reviewer));
            }
        }
        CommandChecks.throwIfAny(errors);
        Campaign campaign = new Campaign(UUID.randomUUID(), command.name().strip(), CampaignStatus.DRAFT, command.dueOn(), recurrence, mode,
                command.dormantDays() == null ? DEFAULT_DORMANT_DAYS : command.dormantDays(), scopes, actor, clock.instant(), null, null,
                null, null);
        store.insert(workspace, campaign);
        events.publishEvent(new CampaignCreated(workspace, actor, campaign.id(), campaign.name()));
        return campaign;
    }

    /** Starts a draft: collects each system, refuses with every unreachable one named, then freezes the snapshot. */
    Campaign start(WorkspaceId workspace, UUID id, String actor) {
        Campaign campaign = get(workspace, id);
        campaign.apply(CampaignAction.START);
        Map<UUID, List<Account>> collected = new LinkedHashMap<>();
        Map<String, String> unreachable = new TreeMap<>();
        for (Campaign.Scope scope : campaign.systems()) {
            try {
                collected.put(scope.systemId(), collection.collect(workspace, scope.systemId(), actor));
            } catch (AccountSource.SourceUnavailable e) {
                unreachable.put(scope.systemName(), e.getMessage());
            } catch (NotFoundException e) {
                unreachable.put(scope.systemName(), "the system was deleted");
            }
        }
        if (!unreachable.isEmpty()) {
            StringBuilder message = new StringBuilder("cannot start: ");
            unreachable.forEach((name, error) -> message.append(name).append(": ").append(error).append("; "));
            throw new InvalidFieldException("systems", message.substring(0, message.length() - 2));
        }
        Campaign started = transactions.execute(status -> freeze(workspace, campaign, collected, actor));
        mail.campaignStarted(workspace, started, store.items(workspace, id));
        return started;
    }

    private Campaign freeze(WorkspaceId workspace, Campaign campaign, Map<UUID, List<Account>> collected, String actor) {
        Instant now = clock.instant();
        if (!store.transition(workspace, campaign.id(), CampaignStatus.DRAFT, CampaignStatus.IN_PROGRESS, now)) {
            throw new CampaignStateException("The campaign was started or cancelled meanwhile");
        }
        List<ReviewItem> items = new ArrayList<>();
        for (Campaign.Scope scope : campaign.systems()) {
            items.addAll(snapshots.items(workspace, campaign, scope, collected.get(scope.systemId()), now));
        }
        items.forEach(item -> store.insertItem(workspace, item));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("campaign", campaign.name());
        snapshot.put("startedAt", now.toString());
        snapshot.put("systems", campaign.systems());
        snapshot.put("accounts", items);
        EvidenceItem item = evidence.add(workspace, new NewEvidence("access-review-snapshot", "Access review snapshot: " + campaign.name(),
                "access-review-snapshot-" + campaign.id() + ".json", "application/json", List.of("AC-06"), null, actor),
                Columns.json(snapshot).getBytes(StandardCharsets.UTF_8));
        store.snapshot(workspace, campaign.id(), item.id());
        events.publishEvent(new CampaignStarted(workspace, actor, campaign.id(), campaign.name(), items.size(), item.id()));
        progress.advance(workspace, campaign.id(), actor);
        return get(workspace, campaign.id());
    }

    @Transactional
    Campaign cancel(WorkspaceId workspace, UUID id, String actor) {
        Campaign campaign = get(workspace, id);
        CampaignStatus next = campaign.apply(CampaignAction.CANCEL);
        if (!store.transition(workspace, id, campaign.status(), next, clock.instant())) {
            throw new CampaignStateException("The campaign changed meanwhile; reload it");
        }
        events.publishEvent(new CampaignCancelled(workspace, actor, id, campaign.name()));
        return get(workspace, id);
    }

    @Transactional(readOnly = true)
    List<Campaign> list(WorkspaceId workspace) {
        return store.list(workspace);
    }

    @Transactional(readOnly = true)
    Campaign get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No campaign " + id));
    }

    @Transactional(readOnly = true)
    List<ReviewItem> items(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return store.items(workspace, id);
    }

    @Transactional(readOnly = true)
    List<RemediationTask> tasks(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return store.tasks(workspace, id);
    }
}
