package dev.attest.accessreviews.internal;

import dev.attest.web.Columns;
import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignStatus;
import dev.attest.accessreviews.Decision;
import dev.attest.accessreviews.DecisionRecord;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.Recurrence;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.ReviewerMode;
import dev.attest.accessreviews.TaskStatus;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The tables access_campaign, access_campaign_system, access_review_item, access_decision and access_task. */
@Repository
@RequiredArgsConstructor
class CampaignStore {

    private final JdbcClient jdbc;

    // campaigns

    void insert(WorkspaceId workspace, Campaign c) {
        jdbc.sql("insert into access_campaign (id, workspace_id, name, status, due_on, recurrence, reviewer_mode, dormant_days, created_by, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), workspace.value(), c.name(), c.status().wireName(), c.dueOn(), c.recurrence().wireName(),
                        c.reviewerMode().wireName(), c.dormantDays(), c.createdBy(), utc(c.createdAt()))
                .update();
        for (Campaign.Scope s : c.systems()) {
            jdbc.sql("insert into access_campaign_system (campaign_id, workspace_id, system_id, system_name, reviewer_email) values (?, ?, ?, ?, ?)")
                    .params(c.id(), workspace.value(), s.systemId(), s.systemName(), s.reviewer()).update();
        }
    }

    Optional<Campaign> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from access_campaign where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(this::campaign).optional();
    }

    List<Campaign> list(WorkspaceId workspace) {
        return jdbc.sql("select * from access_campaign where workspace_id = ? order by created_at desc").param(workspace.value())
                .query(this::campaign).list();
    }

    /** Campaigns in progress whose reviewers were not reminded yet and are due on or before the day. */
    List<Campaign> dueForReminder(LocalDate dueBy) {
        return jdbc.sql("select * from access_campaign where status = 'in_progress' and reminded_at is null and due_on <= ?")
                .param(dueBy).query(this::campaign).list();
    }

    WorkspaceId workspaceOf(UUID campaignId) {
        return new WorkspaceId(jdbc.sql("select workspace_id from access_campaign where id = ?").param(campaignId).query(UUID.class).single());
    }

    void reminded(UUID id, Instant at) {
        jdbc.sql("update access_campaign set reminded_at = ? where id = ?").params(utc(at), id).update();
    }

    /** Moves the campaign only from the status it was read in, so two requests cannot both move it. */
    boolean transition(WorkspaceId workspace, UUID id, CampaignStatus from, CampaignStatus to, Instant at) {
        String stamp = switch (to) {
            case IN_PROGRESS -> ", started_at = ?";
            case COMPLETED -> ", completed_at = ?";
            case CANCELLED -> ", cancelled_at = ?";
            default -> "";
        };
        var spec = jdbc.sql("update access_campaign set status = ?" + stamp + " where workspace_id = ? and id = ? and status = ?");
        return (stamp.isEmpty() ? spec.params(to.wireName(), workspace.value(), id, from.wireName())
                : spec.params(to.wireName(), utc(at), workspace.value(), id, from.wireName())).update() == 1;
    }

    void snapshot(WorkspaceId workspace, UUID id, UUID evidence) {
        jdbc.sql("update access_campaign set snapshot_evidence = ? where workspace_id = ? and id = ?").params(evidence, workspace.value(), id).update();
    }

    void report(WorkspaceId workspace, UUID id, UUID evidence) {
        jdbc.sql("update access_campaign set report_evidence = ? where workspace_id = ? and id = ?").params(evidence, workspace.value(), id).update();
    }

    /** The newest completed campaign that reviewed the system, if any. */
    Optional<UUID> lastCompleted(WorkspaceId workspace, UUID systemId) {
        return jdbc.sql("select c.id from access_campaign c join access_campaign_system s on s.campaign_id = c.id "
                        + "where c.workspace_id = ? and s.system_id = ? and c.status = 'completed' order by c.completed_at desc")
                .params(workspace.value(), systemId).query(UUID.class).list().stream().findFirst();
    }

    private Campaign campaign(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Campaign.Scope> systems = jdbc.sql("select system_id, system_name, reviewer_email from access_campaign_system "
                        + "where campaign_id = ? order by lower(system_name)")
                .param(id).query((r, i) -> new Campaign.Scope(r.getObject(1, UUID.class), r.getString(2), r.getString(3))).list();
        return new Campaign(id, rs.getString("name"), WireName.require(CampaignStatus.class, rs.getString("status")),
                rs.getObject("due_on", LocalDate.class), WireName.parse(Recurrence.class, rs.getString("recurrence")).orElse(Recurrence.QUARTERLY),
                WireName.parse(ReviewerMode.class, rs.getString("reviewer_mode")).orElse(ReviewerMode.OWNER), rs.getInt("dormant_days"), systems,
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
                rs.getObject("snapshot_evidence", UUID.class), rs.getObject("report_evidence", UUID.class));
    }

    /** When each system was last covered by a completed campaign. */
    Map<UUID, Instant> systemsReviewedAt(WorkspaceId workspace) {
        Map<UUID, Instant> reviewed = new HashMap<>();
        jdbc.sql("select s.system_id, max(c.completed_at) as reviewed_at from access_campaign_system s join access_campaign c on c.id = s.campaign_id "
                        + "where c.workspace_id = ? and c.status = 'completed' group by s.system_id")
                .param(workspace.value()).query(rs -> {
                    reviewed.put(rs.getObject("system_id", UUID.class), instant(rs, "reviewed_at"));
                });
        return reviewed;
    }

    /** When each account (system id + account id) was last decided in a completed campaign. */
    Map<String, Instant> accountsReviewedAt(WorkspaceId workspace) {
        Map<String, Instant> reviewed = new HashMap<>();
        jdbc.sql("select i.system_id, i.account_id, max(i.decided_at) as reviewed_at from access_review_item i "
                        + "join access_campaign c on c.id = i.campaign_id where i.workspace_id = ? and c.status = 'completed' "
                        + "and i.decided_at is not null group by i.system_id, i.account_id")
                .param(workspace.value()).query(rs -> {
                    reviewed.put(rs.getObject("system_id", UUID.class) + "/" + rs.getString("account_id"), instant(rs, "reviewed_at"));
                });
        return reviewed;
    }

    // items and decisions

    void insertItem(WorkspaceId workspace, ReviewItem item) {
        Account a = item.account();
        jdbc.sql("insert into access_review_item (id, workspace_id, campaign_id, system_id, system_name, account_id, display_name, email, "
                        + "roles, privileged, mfa, last_sign_in_at, account_created_at, active, account_kind, person_email, flags, "
                        + "reviewer_email, present) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(item.id(), workspace.value(), item.campaignId(), item.systemId(), item.systemName(), a.accountId(), a.displayName(),
                        a.email(), Columns.json(a.roles()), a.privileged(), a.mfa(), utc(a.lastSignIn()), utc(a.createdAt()), a.active(),
                        a.kind().wireName(), item.personEmail(), flags(item.flags()), item.reviewer(), item.present())
                .update();
    }

    List<ReviewItem> items(WorkspaceId workspace, UUID campaignId) {
        return jdbc.sql("select * from access_review_item where workspace_id = ? and campaign_id = ? order by lower(system_name), account_id")
                .params(workspace.value(), campaignId).query(CampaignStore::item).list();
    }

    /** Every item assigned to a reviewer in campaigns that accept decisions. */
    List<ReviewItem> queue(WorkspaceId workspace, String reviewer) {
        return jdbc.sql("select i.* from access_review_item i join access_campaign c on c.id = i.campaign_id "
                        + "where i.workspace_id = ? and i.reviewer_email = ? and c.status in ('in_progress', 'remediation') "
                        + "order by lower(i.system_name), i.account_id")
                .params(workspace.value(), reviewer).query(CampaignStore::item).list();
    }

    Optional<ReviewItem> item(WorkspaceId workspace, UUID itemId) {
        return jdbc.sql("select * from access_review_item where workspace_id = ? and id = ?").params(workspace.value(), itemId)
                .query(CampaignStore::item).optional();
    }

    void decide(WorkspaceId workspace, ReviewItem item, DecisionRecord d) {
        jdbc.sql("insert into access_decision (id, workspace_id, campaign_id, item_id, decision, roles, decision_comment, decided_by, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), workspace.value(), item.campaignId(), item.id(), d.decision().wireName(), Columns.json(d.roles()), d.comment(),
                        d.decidedBy(), utc(d.decidedAt()))
                .update();
        jdbc.sql("update access_review_item set decision = ?, decided_roles = ?, decision_comment = ?, decided_by = ?, decided_at = ? "
                        + "where workspace_id = ? and id = ?")
                .params(d.decision().wireName(), Columns.json(d.roles()), d.comment(), d.decidedBy(), utc(d.decidedAt()), workspace.value(),
                        item.id())
                .update();
    }

    List<DecisionRecord> history(WorkspaceId workspace, UUID campaignId) {
        return jdbc.sql("select * from access_decision where workspace_id = ? and campaign_id = ? order by decided_at, id")
                .params(workspace.value(), campaignId)
                .query((rs, n) -> new DecisionRecord(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
                        Decision.valueOf(rs.getString("decision").toUpperCase(Locale.ROOT)), ReviewColumns.list(rs.getString("roles")),
                        rs.getString("decision_comment"), rs.getString("decided_by"), instant(rs, "decided_at")))
                .list();
    }

    long undecided(WorkspaceId workspace, UUID campaignId) {
        return jdbc.sql("select count(*) from access_review_item where workspace_id = ? and campaign_id = ? and present and decision is null")
                .params(workspace.value(), campaignId).query(Long.class).single();
    }

    private static ReviewItem item(ResultSet rs, int n) throws SQLException {
        String systemName = rs.getString("system_name");
        Account account = new Account(systemName, rs.getString("account_id"), rs.getString("display_name"), rs.getString("email"),
                ReviewColumns.list(rs.getString("roles")), rs.getBoolean("privileged"), ReviewColumns.nullableBoolean(rs, "mfa"),
                instant(rs, "last_sign_in_at"), instant(rs, "account_created_at"), rs.getBoolean("active"),
                AccountKind.valueOf(rs.getString("account_kind").toUpperCase(Locale.ROOT)));
        String decision = rs.getString("decision");
        return new ReviewItem(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getObject("system_id", UUID.class),
                systemName, account, rs.getString("person_email"), flags(rs.getString("flags")), rs.getString("reviewer_email"),
                rs.getBoolean("present"), decision == null ? null : Decision.valueOf(decision.toUpperCase(Locale.ROOT)),
                ReviewColumns.list(rs.getString("decided_roles")), rs.getString("decision_comment"), rs.getString("decided_by"),
                instant(rs, "decided_at"));
    }

    static String flags(Set<Flag> flags) {
        return flags.stream().sorted().map(Flag::wireName).collect(Collectors.joining(","));
    }

    static Set<Flag> flags(String stored) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Arrays.stream(stored.split(",")).map(f -> WireName.parse(Flag.class, f)).flatMap(Optional::stream).forEach(flags::add);
        return flags;
    }

    // remediation tasks

    void insertTask(WorkspaceId workspace, RemediationTask t) {
        jdbc.sql("insert into access_task (id, workspace_id, campaign_id, item_id, system_id, system_name, account_id, action, roles, "
                        + "assignee, status, due_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), workspace.value(), t.campaignId(), t.itemId(), t.systemId(), t.systemName(), t.accountId(),
                        t.action().wireName(), Columns.json(t.roles()), t.assignee(), t.status().wireName(), t.dueOn(), utc(t.createdAt()))
                .update();
    }

    List<RemediationTask> tasks(WorkspaceId workspace, UUID campaignId) {
        return jdbc.sql("select * from access_task where workspace_id = ? and campaign_id = ? order by created_at, account_id")
                .params(workspace.value(), campaignId).query(CampaignStore::task).list();
    }

    List<RemediationTask> openTasks(WorkspaceId workspace, UUID systemId) {
        return jdbc.sql("select * from access_task where workspace_id = ? and system_id = ? and status = 'open'")
                .params(workspace.value(), systemId).query(CampaignStore::task).list();
    }

    List<RemediationTask> allOpenTasks(WorkspaceId workspace) {
        return jdbc.sql("select * from access_task where workspace_id = ? and status = 'open' order by due_on")
                .param(workspace.value()).query(CampaignStore::task).list();
    }

    Optional<RemediationTask> task(WorkspaceId workspace, UUID taskId) {
        return jdbc.sql("select * from access_task where workspace_id = ? and id = ?").params(workspace.value(), taskId)
                .query(CampaignStore::task).optional();
    }

    boolean hasTask(WorkspaceId workspace, UUID itemId) {
        return jdbc.sql("select count(*) from access_task where workspace_id = ? and item_id = ?").params(workspace.value(), itemId)
                .query(Long.class).single() > 0;
    }

    long openTaskCount(WorkspaceId workspace, UUID campaignId) {
        return jdbc.sql("select count(*) from access_task where workspace_id = ? and campaign_id = ? and status = 'open'")
                .params(workspace.value(), campaignId).query(Long.class).single();
    }

    /** Closes an open task; false when someone closed it first. */
    boolean closeTask(WorkspaceId workspace, UUID taskId, TaskStatus status, Instant at, String by, String note, LocalDate until) {
        return jdbc.sql("update access_task set status = ?, closed_at = ?, closed_by = ?, note = ?, exception_until = ? "
                        + "where workspace_id = ? and id = ? and status = 'open'")
                .params(status.wireName(), utc(at), by, note, until, workspace.value(), taskId).update() == 1;
    }

    private static RemediationTask task(ResultSet rs, int n) throws SQLException {
        Date until = rs.getDate("exception_until");
        return new RemediationTask(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getObject("item_id", UUID.class), rs.getObject("system_id", UUID.class), rs.getString("system_name"),
                rs.getString("account_id"), Decision.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                ReviewColumns.list(rs.getString("roles")), rs.getString("assignee"), WireName.require(TaskStatus.class, rs.getString("status")),
                rs.getObject("due_on", LocalDate.class), instant(rs, "created_at"), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("note"), until == null ? null : until.toLocalDate());
    }
}
