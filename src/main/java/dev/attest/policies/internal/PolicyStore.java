package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.Acceptance;
import dev.attest.policies.AcceptanceRate;
import dev.attest.policies.Policy;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.VersionStatus;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** Policies, versions, settings and acceptances in plain SQL, every query scoped by workspace. */
@Repository
@RequiredArgsConstructor
class PolicyStore {

    private static final String VERSION_COLUMNS = "id, policy_id, number, status, body, body_hash, created_at, created_by, "
            + "submitted_at, submitted_by, approved_at, approved_by, published_at, published_by";

    private final JdbcClient jdbc;

    public void insertPolicy(WorkspaceId workspace, Policy policy) {
        jdbc.sql("insert into policy (id, workspace_id, title, template_key, owner, controls, review_due, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(policy.id(), workspace.value(), policy.title(), policy.templateKey(), policy.owner(),
                        String.join(",", policy.controls()), policy.reviewDue(), utc(policy.createdAt()), policy.createdBy())
                .update();
    }

    public void updatePolicy(WorkspaceId workspace, Policy policy) {
        jdbc.sql("update policy set title = ?, owner = ?, review_due = ? where id = ? and workspace_id = ?")
                .params(policy.title(), policy.owner(), policy.reviewDue(), policy.id(), workspace.value()).update();
    }

    public Optional<Policy> policy(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from policy where id = ? and workspace_id = ?").params(id, workspace.value())
                .query(PolicyStore::policyRow).optional();
    }

    /** The policies whose title contains the term, or whose id it is. */
    public List<Policy> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return jdbc.sql("select * from policy where workspace_id = ? and (lower(title) like ? escape '!' or id = ?)"
                        + " order by title, created_at limit ?")
                .params(workspace.value(), term.likePattern(), term.idOrNone(), limit).query(PolicyStore::policyRow).list();
    }

    public List<Policy> policies(WorkspaceId workspace) {
        return jdbc.sql("select * from policy where workspace_id = ? order by title, created_at").param(workspace.value())
                .query(PolicyStore::policyRow).list();
    }

    public void insertVersion(WorkspaceId workspace, PolicyVersion v) {
        jdbc.sql("insert into policy_version (" + VERSION_COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(v.id(), v.policyId(), v.number(), v.status().wireName(), v.body(), v.hash(), utc(v.createdAt()), v.createdBy(),
                        utc(v.submittedAt()), v.submittedBy(), utc(v.approvedAt()), v.approvedBy(), utc(v.publishedAt()), v.publishedBy(),
                        workspace.value())
                .update();
    }

    /** Saves a version's changes; a published row is never written again (the where clause guards it). */
    public boolean updateOpenVersion(WorkspaceId workspace, PolicyVersion v) {
        return jdbc.sql("""
                        update policy_version set status = ?, body = ?, body_hash = ?, submitted_at = ?, submitted_by = ?,
                               approved_at = ?, approved_by = ?, published_at = ?, published_by = ?
                        where id = ? and workspace_id = ? and status <> 'published'""")
                .params(v.status().wireName(), v.body(), v.hash(), utc(v.submittedAt()), v.submittedBy(), utc(v.approvedAt()),
                        v.approvedBy(), utc(v.publishedAt()), v.publishedBy(), v.id(), workspace.value())
                .update() == 1;
    }

    public List<PolicyVersion> versions(WorkspaceId workspace, UUID policyId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from policy_version where policy_id = ? and workspace_id = ? order by number")
                .params(policyId, workspace.value()).query(PolicyStore::versionRow).list();
    }

    /** Every version of every policy of the workspace, by policy, in number order. */
    public Map<UUID, List<PolicyVersion>> allVersions(WorkspaceId workspace) {
        Map<UUID, List<PolicyVersion>> byPolicy = new LinkedHashMap<>();
        jdbc.sql("select " + VERSION_COLUMNS + " from policy_version where workspace_id = ? order by policy_id, number")
                .param(workspace.value()).query(PolicyStore::versionRow).list()
                .forEach(v -> byPolicy.computeIfAbsent(v.policyId(), k -> new java.util.ArrayList<>()).add(v));
        return byPolicy;
    }

    public Map<String, String> settings(WorkspaceId workspace) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select name, setting_value from policy_setting where workspace_id = ?").param(workspace.value())
                .query(rs -> { values.put(rs.getString("name"), rs.getString("setting_value")); });
        return values;
    }

    public void saveSetting(WorkspaceId workspace, String name, String value) {
        int updated = jdbc.sql("update policy_setting set setting_value = ? where workspace_id = ? and name = ?")
                .params(value, workspace.value(), name).update();
        if (updated == 0) {
            jdbc.sql("insert into policy_setting (workspace_id, name, setting_value) values (?, ?, ?)")
                    .params(workspace.value(), name, value).update();
        }
    }

    public void insertAcceptance(WorkspaceId workspace, Acceptance a) {
        jdbc.sql("insert into policy_acceptance (id, workspace_id, policy_id, version_id, email, version_hash, accepted_at, address) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace.value(), a.policyId(), a.versionId(), a.email(), a.versionHash(),
                        utc(a.acceptedAt()), a.address())
                .update();
    }

    public boolean hasAccepted(WorkspaceId workspace, UUID versionId, String email) {
        return jdbc.sql("select count(*) from policy_acceptance where workspace_id = ? and version_id = ? and email = ?")
                .params(workspace.value(), versionId, email).query(Long.class).single() > 0;
    }

    /**
     * Counted in the database: how many of these people (lower-case emails) accepted the current, latest published,
     * version of each policy, summed over the policies, out of the people times the policies with a published version.
     */
    public AcceptanceRate acceptanceTotal(WorkspaceId workspace, Collection<String> emails) {
        long published = jdbc.sql("select count(distinct policy_id) from policy_version where workspace_id = ? and status = 'published'")
                .param(workspace.value()).query(Long.class).single();
        long accepted = emails.isEmpty() ? 0 : jdbc.sql("""
                        select count(*) from (select distinct a.version_id, lower(a.email) as email
                            from policy_acceptance a join policy_version v on v.id = a.version_id
                            where a.workspace_id = :ws and lower(a.email) in (:emails) and v.status = 'published'
                              and v.number = (select max(c.number) from policy_version c
                                              where c.policy_id = v.policy_id and c.status = 'published')) t""")
                .param("ws", workspace.value()).param("emails", emails).query(Long.class).single();
        return new AcceptanceRate(Math.toIntExact(accepted), Math.toIntExact(published * emails.size()));
    }

    /** Every acceptance of the workspace, or only one person's when email is given. */
    public List<Acceptance> acceptances(WorkspaceId workspace, String email) {
        String sql = """
                select a.policy_id, a.version_id, v.number, a.email, a.version_hash, a.accepted_at, a.address
                from policy_acceptance a join policy_version v on v.id = a.version_id
                where a.workspace_id = ?""" + (email == null ? "" : " and a.email = ?") + " order by a.accepted_at";
        var spec = jdbc.sql(sql).param(workspace.value());
        if (email != null) {
            spec = spec.param(email);
        }
        return spec.query((rs, n) -> new Acceptance(rs.getObject("policy_id", UUID.class), rs.getObject("version_id", UUID.class),
                rs.getInt("number"), rs.getString("email"), rs.getString("version_hash"), instant(rs, "accepted_at"),
                rs.getString("address"))).list();
    }

    private static Policy policyRow(ResultSet rs, int n) throws SQLException {
        String controls = rs.getString("controls");
        return new Policy(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("template_key"), rs.getString("owner"),
                controls == null || controls.isBlank() ? List.of() : Arrays.asList(controls.split(",")),
                rs.getObject("review_due", LocalDate.class), instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static PolicyVersion versionRow(ResultSet rs, int n) throws SQLException {
        return new PolicyVersion(rs.getObject("id", UUID.class), rs.getObject("policy_id", UUID.class), rs.getInt("number"),
                WireName.require(VersionStatus.class, rs.getString("status")), rs.getString("body"), rs.getString("body_hash"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "submitted_at"), rs.getString("submitted_by"),
                instant(rs, "approved_at"), rs.getString("approved_by"), instant(rs, "published_at"), rs.getString("published_by"));
    }
}
