package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The trust_center table: one row per workspace with its draft and published documents (JSON). */
@Repository
public class TrustCenterStore {

    /** A row as stored. */
    public record Row(WorkspaceId workspace, String slug, String draft, String published, Instant publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;

    TrustCenterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(WorkspaceId workspace) {
        return jdbc.sql("select workspace_id, slug, draft, published, published_at, published_by from trust_center where workspace_id = ?")
                .param(workspace.value()).query(TrustCenterStore::row).optional();
    }

    /** The workspaces with a Trust Center, with their slugs, to find the one the public site serves. */
    public List<Row> all() {
        return jdbc.sql("select workspace_id, slug, draft, published, published_at, published_by from trust_center")
                .query(TrustCenterStore::row).list();
    }

    public void insert(WorkspaceId workspace, String slug, String draft, Instant now) {
        jdbc.sql("insert into trust_center (workspace_id, slug, draft, updated_at) values (?, ?, ?, ?)")
                .params(workspace.value(), slug, draft, utc(now)).update();
    }

    public void saveDraft(WorkspaceId workspace, String draft, Instant now) {
        jdbc.sql("update trust_center set draft = ?, updated_at = ? where workspace_id = ?")
                .params(draft, utc(now), workspace.value()).update();
    }

    public void publish(WorkspaceId workspace, String published, Instant now, String actor) {
        jdbc.sql("update trust_center set published = ?, published_at = ?, published_by = ?, updated_at = ? where workspace_id = ?")
                .params(published, utc(now), actor, utc(now), workspace.value()).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("slug"), rs.getString("draft"),
                rs.getString("published"), instant(rs, "published_at"), rs.getString("published_by"));
    }
}
