package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** Trust Center documents, the requests for gated ones, and every view and download. */
@Repository
@RequiredArgsConstructor
public class DocumentStore {

    /** A document without its bytes. */
    public record Document(UUID id, String title, String kind, boolean gated, String fileName, String sha256, Instant uploadedAt,
                           String uploadedBy) {
    }

    record AccessRequest(UUID id, UUID documentId, String name, String email, String company, String reason, String ndaVersion,
                         Instant ndaAcceptedAt, String address, String status, String decidedBy, Instant decidedAt,
                         Instant expiresAt, Instant createdAt) {

        boolean approved() {
            return "approved".equals(status);
        }
    }

    /** Views and downloads of one company, per person and document. */
    record Activity(String company, String email, String document, String action, long count, Instant last) {
    }

    private final JdbcClient jdbc;

    public Optional<Document> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select id, title, kind, gated, file_name, sha256, uploaded_at, uploaded_by from trust_document where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(DocumentStore::document).optional();
    }

    List<Document> all(WorkspaceId workspace) {
        return jdbc.sql("select id, title, kind, gated, file_name, sha256, uploaded_at, uploaded_by from trust_document where workspace_id = ? order by title")
                .param(workspace.value()).query(DocumentStore::document).list();
    }

    byte[] content(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select content from trust_document where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query((rs, n) -> rs.getBytes("content")).single();
    }

    void insert(WorkspaceId workspace, Document d, byte[] content) {
        jdbc.sql("insert into trust_document (id, workspace_id, title, kind, gated, file_name, content, sha256, uploaded_at, uploaded_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), workspace.value(), d.title(), d.kind(), d.gated(), d.fileName(), content, d.sha256(), utc(d.uploadedAt()),
                        d.uploadedBy())
                .update();
    }

    private static Document document(ResultSet rs, int n) throws SQLException {
        return new Document(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("kind"), rs.getBoolean("gated"),
                rs.getString("file_name"), rs.getString("sha256"), instant(rs, "uploaded_at"), rs.getString("uploaded_by"));
    }

    private static final String REQUEST_COLUMNS = "id, document_id, name, email, company, reason, nda_version, nda_accepted_at, address, "
            + "status, decided_by, decided_at, expires_at, created_at";

    void insertRequest(WorkspaceId workspace, AccessRequest r) {
        jdbc.sql("insert into trust_access_request (workspace_id, " + REQUEST_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), r.id(), r.documentId(), r.name(), r.email(), r.company(), r.reason(), r.ndaVersion(),
                        utc(r.ndaAcceptedAt()), r.address(), r.status(), r.decidedBy(), utc(r.decidedAt()), utc(r.expiresAt()),
                        utc(r.createdAt()))
                .update();
    }

    Optional<AccessRequest> request(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from trust_access_request where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(DocumentStore::request).optional();
    }

    Optional<AccessRequest> requestByToken(WorkspaceId workspace, String tokenHash) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from trust_access_request where workspace_id = ? and token_hash = ?")
                .params(workspace.value(), tokenHash).query(DocumentStore::request).optional();
    }

    List<AccessRequest> requests(WorkspaceId workspace) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from trust_access_request where workspace_id = ? order by created_at desc")
                .param(workspace.value()).query(DocumentStore::request).list();
    }

    void decide(WorkspaceId workspace, UUID id, String status, String actor, Instant at, String tokenHash, Instant expiresAt) {
        jdbc.sql("update trust_access_request set status = ?, decided_by = ?, decided_at = ?, token_hash = ?, expires_at = ? "
                        + "where workspace_id = ? and id = ?")
                .params(status, actor, utc(at), tokenHash, utc(expiresAt), workspace.value(), id).update();
    }

    private static AccessRequest request(ResultSet rs, int n) throws SQLException {
        return new AccessRequest(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class), rs.getString("name"),
                rs.getString("email"), rs.getString("company"), rs.getString("reason"), rs.getString("nda_version"),
                instant(rs, "nda_accepted_at"), rs.getString("address"), rs.getString("status"), rs.getString("decided_by"),
                instant(rs, "decided_at"), instant(rs, "expires_at"), instant(rs, "created_at"));
    }

    void record(WorkspaceId workspace, UUID documentId, UUID requestId, String email, String company, String action, String address,
                Instant at) {
        jdbc.sql("insert into trust_access_event (id, workspace_id, document_id, request_id, email, company, action, address, at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace.value(), documentId, requestId, email, company, action, address, utc(at)).update();
    }

    List<Activity> activity(WorkspaceId workspace) {
        return jdbc.sql("""
                        select coalesce(e.company, '(public)') as company, coalesce(e.email, '') as email, d.title, e.action,
                               count(*) as n, max(e.at) as last
                        from trust_access_event e join trust_document d on d.id = e.document_id and d.workspace_id = e.workspace_id
                        where e.workspace_id = ?
                        group by coalesce(e.company, '(public)'), coalesce(e.email, ''), d.title, e.action
                        order by company, email, d.title, e.action""")
                .param(workspace.value())
                .query((rs, n) -> new Activity(rs.getString("company"), rs.getString("email"), rs.getString("title"),
                        rs.getString("action"), rs.getLong("n"), instant(rs, "last")))
                .list();
    }
}
