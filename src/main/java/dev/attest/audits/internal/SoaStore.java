package dev.attest.audits.internal;

import dev.attest.audits.SoaEntry;
import dev.attest.audits.SoaVersion;
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

/** The tables soa_version and soa_entry. */
@Repository
@RequiredArgsConstructor
class SoaStore {

    private final JdbcClient jdbc;

    /** A version's row id with the version, for updates. */
    record Head(UUID id, SoaVersion version) {
    }

    void insert(WorkspaceId workspace, UUID id, int version, String by, Instant at, List<SoaEntry> entries) {
        jdbc.sql("insert into soa_version (id, workspace_id, version, status, edited_by, edited_at) values (?, ?, ?, 'draft', ?, ?)")
                .params(id, workspace.value(), version, by, utc(at)).update();
        int position = 0;
        for (SoaEntry e : entries) {
            jdbc.sql("insert into soa_entry (version_id, ref, title, applicable, justification, implementation, controls, position) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, e.ref(), e.title(), e.applicable(), e.justification(), e.implementation(), AuditColumns.joined(e.controls()), position++)
                    .update();
        }
    }

    void updateEntry(UUID versionId, SoaEntry e, String by, Instant at) {
        jdbc.sql("update soa_entry set applicable = ?, justification = ?, implementation = ?, controls = ? where version_id = ? and ref = ?")
                .params(e.applicable(), e.justification(), e.implementation(), AuditColumns.joined(e.controls()), versionId, e.ref()).update();
        jdbc.sql("update soa_version set edited_by = ?, edited_at = ? where id = ?").params(by, utc(at), versionId).update();
    }

    void approve(UUID versionId, String by, Instant at) {
        jdbc.sql("update soa_version set status = 'approved', approved_by = ?, approved_at = ? where id = ? and status = 'draft'")
                .params(by, utc(at), versionId).update();
    }

    Optional<Head> latest(WorkspaceId workspace) {
        return jdbc.sql("select id, version from soa_version where workspace_id = ? order by version desc fetch first 1 rows only")
                .param(workspace.value()).query((rs, n) -> rs.getInt("version")).optional().flatMap(v -> find(workspace, v));
    }

    Optional<Head> find(WorkspaceId workspace, int version) {
        return jdbc.sql("select id, version, status, edited_by, edited_at, approved_by, approved_at from soa_version where workspace_id = ? and version = ?")
                .params(workspace.value(), version)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Head(id, new SoaVersion(rs.getInt("version"), rs.getString("status"), rs.getString("edited_by"),
                            instant(rs, "edited_at"), rs.getString("approved_by"), instant(rs, "approved_at"), entries(id)));
                }).optional();
    }

    List<SoaVersion> versions(WorkspaceId workspace) {
        return jdbc.sql("select version, status, edited_by, edited_at, approved_by, approved_at from soa_version where workspace_id = ? order by version desc")
                .param(workspace.value())
                .query((rs, n) -> new SoaVersion(rs.getInt("version"), rs.getString("status"), rs.getString("edited_by"), instant(rs, "edited_at"),
                        rs.getString("approved_by"), instant(rs, "approved_at"), List.of())).list();
    }

    private List<SoaEntry> entries(UUID versionId) {
        return jdbc.sql("select ref, title, applicable, justification, implementation, controls from soa_entry where version_id = ? order by position")
                .param(versionId)
                .query((rs, n) -> new SoaEntry(rs.getString("ref"), rs.getString("title"), rs.getBoolean("applicable"), rs.getString("justification"),
                        rs.getString("implementation"), AuditColumns.split(rs.getString("controls")))).list();
    }
}
