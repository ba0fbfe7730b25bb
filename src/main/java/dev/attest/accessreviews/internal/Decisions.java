package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Decide;
import dev.attest.accessreviews.AccessDecided;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignStateException;
import dev.attest.accessreviews.Decision;
import dev.attest.accessreviews.DecisionRecord;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.TaskStatus;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reviewers' decisions. Each is appended to the account's history with who and when; keeping a
 * flagged account needs a reason; nobody decides about their own account; revoke and change open a
 * remediation task for the system owner.
 */
@Service
@RequiredArgsConstructor
class Decisions {

    static final int TASK_DAYS = 14;

    private final CampaignStore store;
    private final SystemStore systems;
    private final CampaignProgress progress;
    private final CommandChecks commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    ReviewItem decide(WorkspaceId workspace, UUID campaignId, UUID itemId, Decide command, CurrentUser user) {
        Campaign campaign = campaign(workspace, campaignId);
        ReviewItem item = store.item(workspace, itemId).filter(i -> i.campaignId().equals(campaignId))
                .orElseThrow(() -> new NotFoundException("No account " + itemId + " in campaign " + campaignId));
        Map<String, String> errors = commands.violations(command);
        Decision decision = command.decision() == null ? null : WireName.parse(Decision.class, command.decision()).orElse(null);
        if (decision == null) {
            errors.putIfAbsent("decision", "keep, revoke or change");
        }
        CommandChecks.throwIfAny(errors);
        List<String> roles = command.roles() == null ? List.of() : command.roles().stream().map(String::strip).sorted().distinct().toList();
        mayDecide(item, user);
        if (!item.present()) {
            throw new CampaignStateException("The account " + item.account().accountId() + " was removed before this campaign: nothing to decide");
        }
        if (decision == Decision.KEEP && item.flagged() && (command.comment() == null || command.comment().isBlank())) {
            throw new InvalidFieldException("comment", "keeping a flagged account ("
                    + item.flags().stream().sorted().map(Flag::wireName).collect(Collectors.joining(", ")) + ") needs a reason");
        }
        if (decision == Decision.CHANGE && roles.isEmpty()) {
            throw new InvalidFieldException("roles", "the roles the account should have after the change");
        }
        if (store.hasTask(workspace, itemId)) {
            throw new CampaignStateException("A remediation task was already opened for " + item.account().accountId()
                    + ": close it (or accept an exception) instead of deciding again");
        }
        record(workspace, campaign, item, decision, roles, blankToNull(command.comment()), user.actor());
        progress.advance(workspace, campaignId, user.actor());
        return store.item(workspace, itemId).orElseThrow();
    }

    /** Keeps every listed account at once; only unflagged accounts the user may decide qualify. */
    @Transactional
    int keepAll(WorkspaceId workspace, UUID campaignId, List<UUID> itemIds, String comment, CurrentUser user) {
        Campaign campaign = campaign(workspace, campaignId);
        if (itemIds == null || itemIds.isEmpty()) {
            throw new InvalidFieldException("itemIds", "the accounts to keep");
        }
        List<ReviewItem> items = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (UUID id : itemIds) {
            ReviewItem item = store.item(workspace, id).filter(i -> i.campaignId().equals(campaignId))
                    .orElseThrow(() -> new InvalidFieldException("itemIds", "no account " + id + " in this campaign"));
            if (item.flagged() || !item.present()) {
                refused.add(item.account().accountId());
            }
            items.add(item);
        }
        if (!refused.isEmpty()) {
            throw new InvalidFieldException("itemIds", "flagged accounts are decided one by one, with a reason: " + String.join(", ", refused));
        }
        int kept = 0;
        for (ReviewItem item : items) {
            mayDecide(item, user);
            if (item.decision() != Decision.KEEP) {
                record(workspace, campaign, item, Decision.KEEP, List.of(), blankToNull(comment), user.actor());
                kept++;
            }
        }
        progress.advance(workspace, campaignId, user.actor());
        return kept;
    }

    @Transactional(readOnly = true)
    List<DecisionRecord> history(WorkspaceId workspace, UUID campaignId, UUID itemId) {
        return store.history(workspace, campaignId).stream().filter(d -> d.itemId().equals(itemId)).toList();
    }

    private Campaign campaign(WorkspaceId workspace, UUID campaignId) {
        Campaign campaign = store.find(workspace, campaignId).orElseThrow(() -> new NotFoundException("No campaign " + campaignId));
        if (!campaign.status().acceptsDecisions()) {
            throw new CampaignStateException("The campaign is " + campaign.status().wireName() + ": decisions are closed");
        }
        return campaign;
    }

    private static void mayDecide(ReviewItem item, CurrentUser user) {
        if (item.belongsTo(user.email())) {
            throw new SelfReviewException("You cannot decide about your own account " + item.account().accountId()
                    + ": it goes to your manager or an admin");
        }
        if (!user.email().equalsIgnoreCase(item.reviewer()) && !user.can(Permission.ACCESS_REVIEWS_MANAGE)) {
            throw new AccessDeniedException("the account is reviewed by " + item.reviewer());
        }
    }

    private void record(WorkspaceId workspace, Campaign campaign, ReviewItem item, Decision decision, List<String> roles, String comment,
                        String actor) {
        Instant now = clock.instant();
        store.decide(workspace, item, new DecisionRecord(UUID.randomUUID(), item.id(), decision, roles, comment, actor, now));
        if (decision.needsRemediation()) {
            String assignee = systems.find(workspace, item.systemId()).map(SystemStore.Row::ownerEmail).orElse(campaign.createdBy());
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            store.insertTask(workspace, new RemediationTask(UUID.randomUUID(), campaign.id(), item.id(), item.systemId(), item.systemName(),
                    item.account().accountId(), decision, roles, assignee, TaskStatus.OPEN, today.plusDays(TASK_DAYS), now, null, null,
                    null, null));
        }
        events.publishEvent(new AccessDecided(workspace, actor, campaign.id(), item.id(), item.account().accountId(), decision));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
