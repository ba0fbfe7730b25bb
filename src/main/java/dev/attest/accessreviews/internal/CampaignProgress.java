package dev.attest.accessreviews.internal;

import dev.attest.web.Columns;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignAction;
import dev.attest.accessreviews.CampaignCompleted;
import dev.attest.accessreviews.CampaignStatus;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves a campaign forward when its work is done: every account decided moves it to remediation,
 * every task closed (verified, closed by hand or accepted as an exception) completes it. A completed
 * campaign becomes one evidence item: the snapshot, every decision and every task with how it closed.
 */
@Component
@RequiredArgsConstructor
class CampaignProgress {

    /** The controls a completed review proves: periodic access reviews, privileged access, inactive accounts. */
    static final List<String> CONTROLS = List.of("AC-06", "AC-07", "AC-13");

    private final CampaignStore store;
    private final EvidenceLocker evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Call inside the transaction that changed a decision or task. */
    void advance(WorkspaceId workspace, UUID campaignId, String actor) {
        Campaign campaign = store.find(workspace, campaignId).orElseThrow();
        if (campaign.status() == CampaignStatus.IN_PROGRESS && store.undecided(workspace, campaignId) == 0) {
            CampaignStatus next = campaign.apply(CampaignAction.ALL_DECIDED);
            store.transition(workspace, campaignId, campaign.status(), next, clock.instant());
            campaign = campaign.withStatus(next);
        }
        if (campaign.status() == CampaignStatus.REMEDIATION && store.openTaskCount(workspace, campaignId) == 0) {
            CampaignStatus next = campaign.apply(CampaignAction.ALL_TASKS_CLOSED);
            if (store.transition(workspace, campaignId, campaign.status(), next, clock.instant())) {
                complete(workspace, campaign, actor);
            }
        }
    }

    private void complete(WorkspaceId workspace, Campaign campaign, String actor) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("campaign", Map.of("id", campaign.id().toString(), "name", campaign.name(), "dueOn", campaign.dueOn().toString(),
                "startedAt", String.valueOf(campaign.startedAt()), "completedAt", clock.instant().toString(),
                "systems", campaign.systems(), "snapshotEvidence", String.valueOf(campaign.snapshotEvidence())));
        record.put("accounts", store.items(workspace, campaign.id()));
        record.put("decisions", store.history(workspace, campaign.id()));
        record.put("tasks", store.tasks(workspace, campaign.id()));
        byte[] content = Columns.json(record).getBytes(StandardCharsets.UTF_8);
        EvidenceItem item = evidence.add(workspace, new NewEvidence("access-review", "Completed access review: " + campaign.name(),
                "access-review-" + campaign.id() + ".json", "application/json", CONTROLS, null, actor), content);
        store.report(workspace, campaign.id(), item.id());
        events.publishEvent(new CampaignCompleted(workspace, actor, campaign.id(), campaign.name(), item.id()));
    }
}
