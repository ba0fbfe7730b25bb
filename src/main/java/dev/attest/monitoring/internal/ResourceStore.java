package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.StoredResource;
import dev.attest.web.MultiRowInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The monitoring_resource table: the latest document of every collected or pushed resource, with
 * the hash of its content so that a document pushed again unchanged is recognised without reading it.
 */
@Repository
public class ResourceStore {

    /** Ids per {@code in (...)} list: well under every driver's parameter limit. */
    static final int IDS_PER_QUERY = 500;

    private static final MultiRowInsert INSERT = new MultiRowInsert("monitoring_resource",
            "workspace_id", "type", "resource_id", "data", "content_hash", "source", "connection_id", "collected_at");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IdLookup lookup;

    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate streaming;

    ResourceStore(JdbcClient jdbc, JdbcTemplate template, IdLookup lookup) {
        this.lookup = lookup;
        this.jdbc = jdbc;
        this.template = template;
        // a fetch size, so that PostgreSQL sends a type's documents in pages rather than all at once
        JdbcTemplate paged = new JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        paged.setFetchSize(1000);
        this.streaming = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(paged);
    }

    /** A document ready to store: its JSON text and the hash of that text. */
    public record Document(String type, String id, String json, String hash) {
    }

    /** The stored content hash of each of these resources of one type that exists, by id. */
    public Map<String, String> hashes(WorkspaceId workspace, String type, Collection<String> ids) {
        Map<String, String> hashes = new HashMap<>();
        forChunks(ids, chunk -> jdbc.sql(lookup.select("m.resource_id, m.content_hash", "monitoring_resource", "m",
                        "m.workspace_id = ? and m.type = ? and m.resource_id = k.id", ""))
                .params(IdLookup.ids(chunk), workspace.value(), type)
                .query((ResultSet rs) -> {
                    hashes.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                }));
        return hashes;
    }

    /** The stored documents of these resources of one type, by id (absent ones are left out). */
    public Map<String, String> documents(WorkspaceId workspace, String type, Collection<String> ids) {
        Map<String, String> documents = new java.util.LinkedHashMap<>();
        forChunks(ids, chunk -> jdbc.sql(lookup.select("m.resource_id, m.data", "monitoring_resource", "m",
                        "m.workspace_id = ? and m.type = ? and m.resource_id = k.id", ""))
                .params(IdLookup.ids(chunk), workspace.value(), type)
                .query((ResultSet rs) -> {
                    documents.put(rs.getString(1), rs.getString(2));
                }));
        return documents;
    }

    /** Inserts new documents in multi-row statements. */
    public void insert(WorkspaceId workspace, List<Document> documents, String source, UUID connectionId, Instant at) {
        List<Object[]> rows = new ArrayList<>(documents.size());
        for (Document d : documents) {
            rows.add(new Object[]{workspace.value(), d.type(), d.id(), d.json(), d.hash(), source, connectionId, utc(at)});
        }
        INSERT.insert(template, rows);
        Map<String, Long> added = new HashMap<>();
        documents.forEach(d -> added.merge(d.type(), 1L, Long::sum));
        added.forEach((type, n) -> count(workspace, type, n));
    }

    /** Replaces the content of stored documents, in one batch. */
    public void update(WorkspaceId workspace, List<Document> documents, String source, UUID connectionId, Instant at) {
        List<Object[]> rows = new ArrayList<>(documents.size());
        for (Document d : documents) {
            rows.add(new Object[]{d.json(), d.hash(), source, connectionId, utc(at), workspace.value(), d.type(), d.id()});
        }
        template.batchUpdate("update monitoring_resource set data = ?, content_hash = ?, source = ?, connection_id = ?, collected_at = ? "
                + "where workspace_id = ? and type = ? and resource_id = ?", rows);
    }

    /** Deletes these resources of one type; gives the ids that existed. */
    public List<String> delete(WorkspaceId workspace, String type, Collection<String> ids) {
        List<String> existing = new ArrayList<>(hashes(workspace, type, ids).keySet());
        forChunks(existing, chunk -> jdbc.sql("delete from monitoring_resource where workspace_id = :ws and type = :type and resource_id in (:ids)")
                .param("ws", workspace.value()).param("type", type).param("ids", chunk).update());
        count(workspace, type, -existing.size());
        return existing;
    }

    /** Ids of the stored resources of one type from one source (or connection), for retiring those not reported again. */
    public List<String> idsFrom(WorkspaceId workspace, String type, String source, UUID connectionId) {
        String sql = "select resource_id from monitoring_resource where workspace_id = :ws and type = :type and "
                + (connectionId == null ? "source = :source" : "connection_id = :connection");
        var statement = jdbc.sql(sql).param("ws", workspace.value()).param("type", type);
        statement = connectionId == null ? statement.param("source", source) : statement.param("connection", connectionId);
        return statement.query(String.class).list();
    }

    /** Ids of every stored resource of one type. */
    public List<String> ids(WorkspaceId workspace, String type) {
        return jdbc.sql("select resource_id from monitoring_resource where workspace_id = ? and type = ?")
                .params(workspace.value(), type).query(String.class).list();
    }

    /** Types a connection collected before. */
    public List<String> typesOf(WorkspaceId workspace, UUID connectionId) {
        return jdbc.sql("select distinct type from monitoring_resource where workspace_id = ? and connection_id = ?")
                .params(workspace.value(), connectionId).query(String.class).list();
    }

    /** A stored resource as its JSON text, for evaluation to read only the fields its checks need. */
    @FunctionalInterface
    public interface DocumentConsumer {
        void accept(String type, String id, String json);
    }

    /**
     * The stored documents of one type after {@code afterId} in id order, at most {@code limit}: a
     * full run pages through a type with this (keyset pagination on the primary key), never holding
     * more than one page.
     */
    public Map<String, String> page(WorkspaceId workspace, String type, String afterId, int limit) {
        Map<String, String> page = new LinkedHashMap<>();
        jdbc.sql("select resource_id, data from monitoring_resource where workspace_id = :ws and type = :type"
                        + (afterId == null ? "" : " and resource_id > :after") + " order by resource_id limit :limit")
                .param("ws", workspace.value()).param("type", type).param("limit", limit)
                .params(afterId == null ? Map.of() : Map.of("after", afterId))
                .query((ResultSet rs) -> {
                    page.put(rs.getString(1), rs.getString(2));
                });
        return page;
    }

    /** Streams the stored resources of these types to the consumer, unparsed. */
    public void forEachDocument(WorkspaceId workspace, Collection<String> types, DocumentConsumer consumer) {
        if (types.isEmpty()) {
            return;
        }
        streaming.query("select type, resource_id, data from monitoring_resource where workspace_id = :ws and type in (:types)",
                Map.of("ws", workspace.value(), "types", List.copyOf(types)),
                (ResultSet rs) -> {
                    consumer.accept(rs.getString(1), rs.getString(2), rs.getString(3));
                });
    }

    public List<StoredResource> list(WorkspaceId workspace, String type, int limit) {
        String sql = "select type, resource_id, data, source, connection_id, collected_at from monitoring_resource where workspace_id = :ws"
                + (type == null ? "" : " and type = :type") + " order by type, resource_id limit :limit";
        var statement = jdbc.sql(sql).param("ws", workspace.value()).param("limit", limit);
        if (type != null) {
            statement = statement.param("type", type);
        }
        return statement.query((rs, n) -> new StoredResource(new Resource(rs.getString(1), rs.getString(2), Documents.read(rs.getString(3))),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Resources per type, from the counts every write keeps. */
    public Map<String, Integer> countByType(WorkspaceId workspace) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select type, resources from monitoring_resource_count where workspace_id = ? and resources > 0 order by type")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Adds to the count of a type's resources; in the transaction that inserted or deleted them. */
    public void count(WorkspaceId workspace, String type, long by) {
        if (by == 0) {
            return;
        }
        int updated = jdbc.sql("update monitoring_resource_count set resources = resources + ? where workspace_id = ? and type = ?")
                .params(by, workspace.value(), type).update();
        if (updated == 0) {
            jdbc.sql("insert into monitoring_resource_count (workspace_id, type, resources) values (?, ?, ?)")
                    .params(workspace.value(), type, by).update();
        }
    }

    /** Stored types of the workspace. */
    public List<String> types(WorkspaceId workspace) {
        return new ArrayList<>(countByType(workspace).keySet());
    }

    /** Every workspace that has stored resources. */
    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select distinct workspace_id from monitoring_resource").query(UUID.class).list()
                .stream().map(WorkspaceId::new).toList();
    }

    static <T> void forChunks(Collection<T> values, Consumer<List<T>> action) {
        List<T> all = values instanceof List<T> list ? list : new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            action.accept(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
