package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The trust_center table: one row per workspace with its draft and published documents (JSON). */
@Repository
@RequiredArgsConstructor
class TrustCenterStore {

    /** A row as stored. */
    record Row(WorkspaceId workspace, String slug, String draft, String published, Instant publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;

    Optional<Row> find(WorkspaceId workspace) {
        return jdbc.sql("select workspace_id, slug, draft, published, published_at, published_by from trust_center where workspace_id = ?")
                .param(workspace.value()).query(TrustCenterStore::row).optional();
    }

    /** The workspaces with a Trust Center, with their slugs, to find the one the public site serves. */
    List<Row> all() {
        return jdbc.sql("select workspace_id, slug, draft, published, published_at, published_by from trust_center")
                .query(TrustCenterStore::row).list();
    }

    void insert(WorkspaceId workspace, String slug, String draft, Instant now) {
        jdbc.sql("insert into trust_center (workspace_id, slug, draft, updated_at) values (?, ?, ?, ?)")
                .params(workspace.value(), slug, draft, utc(now)).update();
    }

    void saveDraft(WorkspaceId workspace, String draft, Instant now) {
        jdbc.sql("update trust_center set draft = ?, updated_at = ? where workspace_id = ?")
                .params(draft, utc(now), workspace.value()).update();
    }

    void publish(WorkspaceId workspace, String published, Instant now, String actor) {
        jdbc.sql("update trust_center set published = ?, published_at = ?, published_by = ?, updated_at = ? where workspace_id = ?")
                .params(published, utc(now), actor, utc(now), workspace.value()).update();
    }

    /** Whether the workspace publishes the evidence ledger's newest checkpoint on its Trust Center (off until set). */
    boolean ledgerCheckpointPublished(WorkspaceId workspace) {
        return jdbc.sql("select published from trust_ledger_publication where workspace_id = ?").param(workspace.value())
                .query(Boolean.class).optional().orElse(false);
    }

    void publishLedgerCheckpoint(WorkspaceId workspace, boolean published, Instant now, String actor) {
        int updated = jdbc.sql("update trust_ledger_publication set published = ?, updated_at = ?, updated_by = ? where workspace_id = ?")
                .params(published, utc(now), actor, workspace.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into trust_ledger_publication (workspace_id, published, updated_at, updated_by) values (?, ?, ?, ?)")
                    .params(workspace.value(), published, utc(now), actor).update();
        }
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("slug"), rs.getString("draft"),
                rs.getString("published"), instant(rs, "published_at"), rs.getString("published_by"));
    }
}
