package dev.attest.accessreviews.internal;

import dev.attest.web.Columns;
import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The tables access_system, access_account, access_account_link and access_member_sign_in. */
@Repository
@RequiredArgsConstructor
class SystemStore {

    record Row(UUID id, WorkspaceId workspace, String name, String kind, String ownerEmail, UUID connectionId, String target,
               Map<String, String> settings, String sealedSecrets, Instant lastCollectedAt, String lastError) {
    }

    private static final String COLUMNS = "id, workspace_id, name, kind, owner_email, connection_id, target, settings, secrets_sealed, "
            + "last_collected_at, last_error";

    private final JdbcClient jdbc;

    void insert(Row r, String actor, Instant at) {
        jdbc.sql("insert into access_system (" + COLUMNS + ", created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.workspace().value(), r.name(), r.kind(), r.ownerEmail(), r.connectionId(), r.target(),
                        Columns.json(r.settings()), r.sealedSecrets(), null, null, utc(at), actor)
                .update();
    }

    void update(Row r) {
        jdbc.sql("update access_system set name = ?, owner_email = ?, connection_id = ?, target = ?, settings = ?, secrets_sealed = ? "
                        + "where workspace_id = ? and id = ?")
                .params(r.name(), r.ownerEmail(), r.connectionId(), r.target(), Columns.json(r.settings()), r.sealedSecrets(),
                        r.workspace().value(), r.id())
                .update();
    }

    void delete(WorkspaceId workspace, UUID id) {
        jdbc.sql("delete from access_system where workspace_id = ? and id = ?").params(workspace.value(), id).update();
    }

    Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from access_system where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(SystemStore::row).optional();
    }

    Optional<Row> findByName(WorkspaceId workspace, String name) {
        return jdbc.sql("select " + COLUMNS + " from access_system where workspace_id = ? and lower(name) = lower(?)")
                .params(workspace.value(), name).query(SystemStore::row).optional();
    }

    List<Row> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from access_system where workspace_id = ? order by lower(name)")
                .param(workspace.value()).query(SystemStore::row).list();
    }

    List<Row> byConnection(WorkspaceId workspace, UUID connectionId) {
        return jdbc.sql("select " + COLUMNS + " from access_system where workspace_id = ? and connection_id = ?")
                .params(workspace.value(), connectionId).query(SystemStore::row).list();
    }

    void collected(WorkspaceId workspace, UUID id, Instant at, String error) {
        if (error == null) {
            jdbc.sql("update access_system set last_collected_at = ?, last_error = null where workspace_id = ? and id = ?")
                    .params(utc(at), workspace.value(), id).update();
        } else {
            jdbc.sql("update access_system set last_error = ? where workspace_id = ? and id = ?")
                    .params(error.length() > 2000 ? error.substring(0, 2000) : error, workspace.value(), id).update();
        }
    }

    /**
     * Holds the system's row until the transaction ends, so that two collections of one system (a
     * campaign starting while a host report comes in) replace its accounts one after the other.
     */
    void lockForCollection(WorkspaceId workspace, UUID systemId) {
        jdbc.sql("select id from access_system where workspace_id = ? and id = ? for update").params(workspace.value(), systemId)
                .query(UUID.class).optional();
    }

    /** Replaces the system's accounts with a new collection, in one statement batch. */
    void replaceAccounts(WorkspaceId workspace, UUID systemId, List<Account> accounts, Instant at) {
        jdbc.sql("delete from access_account where workspace_id = ? and system_id = ?").params(workspace.value(), systemId).update();
        for (Account a : accounts) {
            jdbc.sql("insert into access_account (workspace_id, system_id, account_id, display_name, email, roles, privileged, mfa, "
                            + "last_sign_in_at, created_at, active, account_kind, collected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(workspace.value(), systemId, a.accountId(), a.displayName(), a.email(), Columns.json(a.roles()), a.privileged(),
                            a.mfa(), utc(a.lastSignIn()), utc(a.createdAt()), a.active(), a.kind().wireName(), utc(at))
                    .update();
        }
    }

    List<Account> accounts(WorkspaceId workspace, UUID systemId, String systemName) {
        return jdbc.sql("select * from access_account where workspace_id = ? and system_id = ? order by account_id")
                .params(workspace.value(), systemId).query((rs, n) -> account(rs, systemName)).list();
    }

    int accountCount(WorkspaceId workspace, UUID systemId) {
        return jdbc.sql("select count(*) from access_account where workspace_id = ? and system_id = ?")
                .params(workspace.value(), systemId).query(Integer.class).single();
    }

    static Account account(ResultSet rs, String systemName) throws SQLException {
        return new Account(systemName, rs.getString("account_id"), rs.getString("display_name"), rs.getString("email"),
                ReviewColumns.list(rs.getString("roles")), rs.getBoolean("privileged"), ReviewColumns.nullableBoolean(rs, "mfa"),
                instant(rs, "last_sign_in_at"), instant(rs, "created_at"), rs.getBoolean("active"),
                AccountKind.valueOf(rs.getString("account_kind").toUpperCase(java.util.Locale.ROOT)));
    }

    Map<String, String> links(WorkspaceId workspace, UUID systemId) {
        Map<String, String> links = new java.util.HashMap<>();
        jdbc.sql("select account_id, person_email from access_account_link where workspace_id = ? and system_id = ?")
                .params(workspace.value(), systemId)
                .query(rs -> {
                    links.put(rs.getString(1), rs.getString(2));
                });
        return links;
    }

    void link(WorkspaceId workspace, UUID systemId, String accountId, String personEmail, String actor, Instant at) {
        jdbc.sql("delete from access_account_link where workspace_id = ? and system_id = ? and account_id = ?")
                .params(workspace.value(), systemId, accountId).update();
        if (personEmail != null) {
            jdbc.sql("insert into access_account_link (workspace_id, system_id, account_id, person_email, linked_by, linked_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(workspace.value(), systemId, accountId, personEmail, actor, utc(at)).update();
        }
    }

    void signedIn(WorkspaceId workspace, String email, Instant at) {
        int updated = jdbc.sql("update access_member_sign_in set last_sign_in_at = ? where workspace_id = ? and email = ?")
                .params(utc(at), workspace.value(), email).update();
        if (updated == 0) {
            jdbc.sql("insert into access_member_sign_in (workspace_id, email, last_sign_in_at) values (?, ?, ?)")
                    .params(workspace.value(), email, utc(at)).update();
        }
    }

    Map<String, Instant> signIns(WorkspaceId workspace) {
        Map<String, Instant> signIns = new java.util.HashMap<>();
        jdbc.sql("select email, last_sign_in_at from access_member_sign_in where workspace_id = ?").param(workspace.value())
                .query(rs -> {
                    signIns.put(rs.getString("email"), instant(rs, "last_sign_in_at"));
                });
        return signIns;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("name"),
                rs.getString("kind"), rs.getString("owner_email"), rs.getObject("connection_id", UUID.class), rs.getString("target"),
                ReviewColumns.map(rs.getString("settings")), rs.getString("secrets_sealed"), instant(rs, "last_collected_at"),
                rs.getString("last_error"));
    }
}
