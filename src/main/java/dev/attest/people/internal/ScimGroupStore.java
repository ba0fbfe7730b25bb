package dev.attest.people.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.Columns;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The groups an identity provider pushed, their members and the group-to-role table, in plain SQL. */
@Repository
@RequiredArgsConstructor
class ScimGroupStore {

    private final JdbcClient jdbc;

    /** The workspace's groups by name, each with its members' person ids. */
    List<ScimGroups.Group> groups(WorkspaceId workspace) {
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        jdbc.sql("select m.group_id, m.person_id from scim_group_member m join scim_group g on g.id = m.group_id "
                        + "where g.workspace_id = ? order by m.person_id")
                .param(workspace.value())
                .query((rs, i) -> members.computeIfAbsent(rs.getObject("group_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject("person_id", UUID.class)))
                .list();
        return jdbc.sql("select id, display_name, external_id, created_at, updated_at from scim_group where workspace_id = ? order by display_name")
                .param(workspace.value())
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ScimGroups.Group(id, rs.getString("display_name"), rs.getString("external_id"),
                            Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"), members.getOrDefault(id, List.of()));
                }).list();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the workspace has a group of that name */
    void insert(UUID id, WorkspaceId workspace, String displayName, String externalId, Instant now) {
        jdbc.sql("insert into scim_group (id, workspace_id, display_name, external_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, workspace.value(), displayName, externalId, Columns.utc(now), Columns.utc(now)).update();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the workspace has another group of that name */
    void rename(UUID id, String displayName, String externalId, Instant now) {
        jdbc.sql("update scim_group set display_name = ?, external_id = ?, updated_at = ? where id = ?")
                .params(displayName, externalId, Columns.utc(now), id).update();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update scim_group set updated_at = ? where id = ?").params(Columns.utc(now), id).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from scim_group where id = ?").param(id).update();
    }

    /** Holds the group's row until the transaction ends, so that two changes of one group's members are saved one after the other. */
    void lock(WorkspaceId workspace, UUID group) {
        jdbc.sql("select id from scim_group where workspace_id = ? and id = ? for update").params(workspace.value(), group)
                .query(UUID.class).optional();
    }

    void replaceMembers(UUID group, Collection<UUID> members) {
        jdbc.sql("delete from scim_group_member where group_id = ?").param(group).update();
        for (UUID member : members) {
            jdbc.sql("insert into scim_group_member (group_id, person_id) values (?, ?)").params(group, member).update();
        }
    }

    /** Group names as the identity provider spells them, in order, to roles. */
    Map<String, Role> roleTable(WorkspaceId workspace) {
        Map<String, Role> table = new LinkedHashMap<>();
        jdbc.sql("select group_name, role from scim_group_role where workspace_id = ? order by group_name").param(workspace.value())
                .query((rs, i) -> table.put(rs.getString("group_name"), Role.fromWireName(rs.getString("role")))).list();
        return table;
    }

    void replaceRoleTable(WorkspaceId workspace, Map<String, Role> table) {
        jdbc.sql("delete from scim_group_role where workspace_id = ?").param(workspace.value()).update();
        table.forEach((group, role) -> jdbc.sql("insert into scim_group_role (workspace_id, group_name, role) values (?, ?, ?)")
                .params(workspace.value(), group, role.wireName()).update());
    }
}
