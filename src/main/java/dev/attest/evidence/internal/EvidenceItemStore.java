package dev.attest.evidence.internal;

import dev.attest.evidence.EvidenceItem;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.SearchTerm;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The evidence_item and evidence_control tables: metadata of every piece of evidence; the bytes are in {@link EvidenceStorage}. */
@Repository
@RequiredArgsConstructor
public class EvidenceItemStore {

    private static final String COLUMNS = "id, kind, title, filename, media_type, size_bytes, sha256, controls, collected_by, "
            + "collected_at, valid_until, ledger_seq";
    private static final String LINKED_COLUMNS = "i.id, i.kind, i.title, i.filename, i.media_type, i.size_bytes, i.sha256, i.controls, "
            + "i.collected_by, i.collected_at, i.valid_until, i.ledger_seq";

    private final JdbcClient jdbc;

    public void insert(WorkspaceId workspace, EvidenceItem item) {
        jdbc.sql("insert into evidence_item (" + COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(item.id(), item.kind(), item.title(), item.filename(), item.mediaType(), item.size(), item.sha256(),
                        String.join(",", item.controls()), item.collectedBy(), utc(item.collectedAt()), utc(item.validUntil()),
                        item.ledgerSeq(), workspace.value())
                .update();
        if (!"check-results".equals(item.kind()) && !item.controls().isEmpty()) {
            StringBuilder sql = new StringBuilder("insert into evidence_control (workspace_id, control_key, evidence_id, kind, collected_by, "
                    + "collected_at, valid_until) values ");
            List<Object> params = new ArrayList<>();
            for (String control : new LinkedHashSet<>(item.controls())) {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
                params.addAll(Arrays.asList(workspace.value(), control, item.id(), item.kind(), item.collectedBy(),
                        utc(item.collectedAt()), utc(item.validUntil())));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** The files and attestations linked to one control, newest first (check-result snapshots are not linked). */
    public List<EvidenceItem> linked(WorkspaceId workspace, String control, int limit) {
        return jdbc.sql("select " + LINKED_COLUMNS + " from evidence_control c join evidence_item i on i.id = c.evidence_id "
                        + "where c.workspace_id = ? and c.control_key = ? order by c.collected_at desc, i.ledger_seq desc limit ?")
                .params(workspace.value(), control, limit).query((rs, n) -> row(rs)).list();
    }

    public Optional<EvidenceItem> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence_item where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query((rs, n) -> row(rs)).optional();
    }

    /** The evidence whose title or file name contains the term, or whose id it is, newest first. */
    public List<EvidenceItem> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return jdbc.sql("select " + COLUMNS + " from evidence_item where workspace_id = ? and (lower(title) like ? escape '!'"
                        + " or lower(coalesce(filename, '')) like ? escape '!' or id = ?) order by collected_at desc, ledger_seq desc limit ?")
                .params(workspace.value(), term.likePattern(), term.likePattern(), term.idOrNone(), limit)
                .query((rs, n) -> row(rs)).list();
    }

    /** The list's sortable columns and the SQL each sorts by. */
    public static final Map<String, String> SORTS = Map.of(
            "title", "lower(title)",
            "kind", "kind",
            "collector", "lower(collected_by)",
            "collected", "collected_at",
            "ledger", "ledger_seq");

    /** Newest first; a null control or kind does not filter. */
    public List<EvidenceItem> list(WorkspaceId workspace, String control, String kind, int limit) {
        return page(workspace, control, kind, new TableQuery("collected", true, 1, limit));
    }

    /** One page of the evidence of a control and kind (null is any), sorted in the database. */
    public List<EvidenceItem> page(WorkspaceId workspace, String control, String kind, TableQuery query) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select " + COLUMNS + " from evidence_item" + where(workspace, control, kind, params)
                        + query.sqlPage(SORTS, "ledger_seq desc", params))
                .params(params).query((rs, n) -> row(rs)).list();
    }

    public long count(WorkspaceId workspace, String control, String kind) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from evidence_item" + where(workspace, control, kind, params)).params(params).query(Long.class).single();
    }

    private static String where(WorkspaceId workspace, String control, String kind, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where workspace_id = :ws");
        params.put("ws", workspace.value());
        if (kind != null) {
            sql.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (control != null) {
            // controls is a comma-separated list of keys; pad it so that a key matches only whole.
            sql.append(" and concat(',', controls, ',') like :control");
            params.put("control", "%," + control + ",%");
        }
        return sql.toString();
    }

    private static EvidenceItem row(ResultSet rs) throws SQLException {
        return new EvidenceItem(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"), rs.getString("filename"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"), split(rs.getString("controls")),
                rs.getString("collected_by"), instant(rs, "collected_at"), instant(rs, "valid_until"), rs.getLong("ledger_seq"));
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).toList();
    }

    /** Of the content hashes given, those that evidence or a ledger entry still names. */
    public Set<String> named(List<String> shas) {
        return new HashSet<>(jdbc.sql("select sha256 from evidence_item where sha256 in (:shas) "
                + "union select sha256 from ledger_entry where sha256 in (:shas)").param("shas", shas).query(String.class).list());
    }

    /** Writes what the embedded H2 database committed to disk now, rather than within its next half second. */
    void syncToDisk() {
        jdbc.sql("CHECKPOINT SYNC").update();
    }

    /** Every content hash evidence names. */
    public List<String> allContent() {
        return jdbc.sql("select distinct sha256 from evidence_item").query(String.class).list();
    }
}
