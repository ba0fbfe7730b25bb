package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.Decision;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.TaskStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a campaign came to: accounts by decision and by flag, remediation tasks by how they closed, and
 * its timings (start to completion, median time to a decision). Shown on the page, in the PDF and the CSV.
 */
record CampaignReport(Campaign campaign, List<ReviewItem> items, List<RemediationTask> tasks, Map<Decision, Long> byDecision,
                      Map<Flag, Long> byFlag, Map<TaskStatus, Long> byTaskStatus, long undecided, Duration medianTimeToDecision,
                      Duration duration) {

    static CampaignReport of(Campaign campaign, List<ReviewItem> items, List<RemediationTask> tasks, Instant now) {
        Map<Decision, Long> byDecision = new EnumMap<>(Decision.class);
        items.stream().filter(i -> i.decision() != null).forEach(i -> byDecision.merge(i.decision(), 1L, Long::sum));
        Map<Flag, Long> byFlag = new EnumMap<>(Flag.class);
        items.forEach(i -> i.flags().forEach(f -> byFlag.merge(f, 1L, Long::sum)));
        Map<TaskStatus, Long> byTask = new EnumMap<>(TaskStatus.class);
        tasks.forEach(t -> byTask.merge(t.status(), 1L, Long::sum));
        List<Duration> waits = campaign.startedAt() == null ? List.of() : items.stream().filter(i -> i.decidedAt() != null)
                .map(i -> Duration.between(campaign.startedAt(), i.decidedAt())).sorted().toList();
        Duration median = waits.isEmpty() ? null : waits.get(waits.size() / 2);
        Duration duration = campaign.startedAt() == null ? null
                : Duration.between(campaign.startedAt(), campaign.completedAt() != null ? campaign.completedAt() : now);
        return new CampaignReport(campaign, items, tasks, byDecision, byFlag, byTask,
                items.stream().filter(i -> i.present() && i.decision() == null).count(), median, duration);
    }

    /** One row per account, with its flags, decision and the task that followed. */
    String csv() {
        Map<java.util.UUID, RemediationTask> taskByItem = tasks.stream().collect(Collectors.toMap(RemediationTask::itemId, t -> t, (a, b) -> b));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("campaign", "system", "account_id", "display_name", "email", "person", "roles", "privileged", "active", "kind",
                    "flags", "reviewer", "decision", "decided_roles", "comment", "decided_by", "decided_at", "task_status", "task_closed_by",
                    "task_note");
            for (ReviewItem i : items) {
                RemediationTask t = taskByItem.get(i.id());
                csv.printRecord(campaign.name(), i.systemName(), i.account().accountId(), i.account().displayName(), i.account().email(),
                        i.personEmail(), String.join(";", i.account().roles()), i.account().privileged(), i.account().active(),
                        i.account().kind().wireName(), i.flags().stream().sorted().map(Flag::wireName).collect(Collectors.joining(";")),
                        i.reviewer(), i.present() ? (i.decision() == null ? "" : i.decision().wireName()) : "removed",
                        String.join(";", i.decidedRoles()), i.comment(), i.decidedBy(), i.decidedAt(),
                        t == null ? "" : t.status().wireName(), t == null ? "" : t.closedBy(), t == null ? "" : t.note());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String days(Duration d) {
        if (d == null) {
            return "-";
        }
        return d.toHours() < 48 ? d.toHours() + " h" : d.toDays() + " days";
    }
}
