package dev.attest.monitoring.internal;

import dev.attest.monitoring.StoredResource;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The monitoring_resource table: the latest document of every collected or pushed resource. */
@Repository
public class ResourceStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ResourceStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts or replaces resources by type and id. */
    public void upsert(WorkspaceId workspace, Collection<Resource> resources, String source, UUID connectionId, Instant at) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Resource r : resources) {
            keys.add(new Object[]{workspace.value(), r.type(), r.id()});
            rows.add(new Object[]{workspace.value(), r.type(), r.id(), Documents.write(r.data()), source, connectionId, utc(at)});
        }
        template.batchUpdate("delete from monitoring_resource where workspace_id = ? and type = ? and resource_id = ?", keys);
        template.batchUpdate("insert into monitoring_resource (workspace_id, type, resource_id, data, source, connection_id, collected_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Replaces everything a connection collected before with what it collected now. */
    public void replaceForConnection(WorkspaceId workspace, UUID connectionId, Collection<Resource> resources, String source, Instant at) {
        jdbc.sql("delete from monitoring_resource where workspace_id = ? and connection_id = ?")
                .params(workspace.value(), connectionId).update();
        upsert(workspace, resources, source, connectionId, at);
    }

    /** A stored resource as its JSON text, for evaluation to read only the fields its checks need. */
    @FunctionalInterface
    public interface DocumentConsumer {
        void accept(String type, String id, String json);
    }

    /** Streams the stored resources of these types to the consumer, unparsed. */
    public void forEachDocument(WorkspaceId workspace, Collection<String> types, DocumentConsumer consumer) {
        if (types.isEmpty()) {
            return;
        }
        jdbc.sql("select type, resource_id, data from monitoring_resource where workspace_id = :ws and type in (:types)")
                .param("ws", workspace.value()).param("types", List.copyOf(types))
                .query((ResultSet rs) -> {
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

    /** Resources per type. */
    public Map<String, Integer> countByType(WorkspaceId workspace) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select type, count(*) from monitoring_resource where workspace_id = ? group by type order by type")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Every workspace that has stored resources. */
    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select distinct workspace_id from monitoring_resource").query(UUID.class).list()
                .stream().map(WorkspaceId::new).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
