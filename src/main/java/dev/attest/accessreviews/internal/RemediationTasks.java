package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignStateException;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.RemediationTaskClosed;
import dev.attest.accessreviews.TaskStatus;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Remediation tasks: opened by revoke and change decisions, closed by the next collection that shows
 * the account gone or changed (verified), by hand with a note (unverified), or accepted by an admin
 * as an exception until a date.
 */
@Service
@RequiredArgsConstructor
class RemediationTasks {

    static final int MAX_EXCEPTION_DAYS = 366;

    private final CampaignStore store;
    private final CampaignProgress progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Closes every open task of the system that the collected accounts show done; returns how many. */
    int verify(WorkspaceId workspace, UUID systemId, List<Account> collected) {
        Map<String, Account> byId = collected.stream().collect(Collectors.toMap(Account::accountId, Function.identity(), (a, b) -> a));
        Set<UUID> campaigns = new HashSet<>();
        int verified = 0;
        for (RemediationTask task : store.openTasks(workspace, systemId)) {
            if (task.doneBy(byId.get(task.accountId()))
                    && store.closeTask(workspace, task.id(), TaskStatus.VERIFIED, clock.instant(), "collection", null, null)) {
                verified++;
                campaigns.add(task.campaignId());
                events.publishEvent(new RemediationTaskClosed(workspace, "system", task.campaignId(), task.id(), task.accountId(),
                        TaskStatus.VERIFIED));
            }
        }
        campaigns.forEach(c -> progress.advance(workspace, c, "system"));
        return verified;
    }

    @Transactional
    RemediationTask closeByHand(WorkspaceId workspace, UUID taskId, String note, String actor) {
        RemediationTask task = open(workspace, taskId);
        if (note == null || note.isBlank()) {
            throw new InvalidFieldException("note", "say what was done; a task closed by hand stays marked unverified");
        }
        return close(workspace, task, TaskStatus.CLOSED_UNVERIFIED, limit(note), null, actor);
    }

    @Transactional
    RemediationTask acceptException(WorkspaceId workspace, UUID taskId, String note, LocalDate until, CurrentUser user) {
        if (!user.can(Permission.WORKSPACE_ADMIN)) {
            throw new AccessDeniedException("only an admin accepts an exception");
        }
        RemediationTask task = open(workspace, taskId);
        Map<String, String> errors = new java.util.TreeMap<>();
        if (note == null || note.isBlank()) {
            errors.put("note", "why the access may stay for now");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (until == null) {
            errors.put("until", "the date the exception expires");
        } else if (!until.isAfter(today) || until.isAfter(today.plusDays(MAX_EXCEPTION_DAYS))) {
            errors.put("until", "a date after today and within a year");
        }
        CommandChecks.throwIfAny(errors);
        return close(workspace, task, TaskStatus.EXCEPTION, limit(note), until, user.actor());
    }

    private RemediationTask open(WorkspaceId workspace, UUID taskId) {
        RemediationTask task = store.task(workspace, taskId).orElseThrow(() -> new NotFoundException("No remediation task " + taskId));
        Campaign campaign = store.find(workspace, task.campaignId()).orElseThrow();
        if (campaign.status().closed()) {
            throw new CampaignStateException("The campaign is " + campaign.status().wireName() + ": its tasks cannot change");
        }
        if (!task.status().open()) {
            throw new CampaignStateException("The task is already " + task.status().wireName());
        }
        return task;
    }

    private RemediationTask close(WorkspaceId workspace, RemediationTask task, TaskStatus status, String note, LocalDate until, String actor) {
        if (!store.closeTask(workspace, task.id(), status, clock.instant(), actor, note, until)) {
            throw new CampaignStateException("The task was closed meanwhile");
        }
        events.publishEvent(new RemediationTaskClosed(workspace, actor, task.campaignId(), task.id(), task.accountId(), status));
        progress.advance(workspace, task.campaignId(), actor);
        return store.task(workspace, task.id()).orElseThrow();
    }

    private static String limit(String note) {
        String n = note.strip();
        return n.length() > 4000 ? n.substring(0, 4000) : n;
    }
}
