package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.CredentialField;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a PostgreSQL server over JDBC: the settings that matter for security ({@code postgres.server}),
 * its roles ({@code postgres.role}) and databases ({@code postgres.database}). The target is
 * {@code host:port/database} or a {@code jdbc:postgresql://} URL; secrets {@code username} and {@code password}.
 */
@Component
public class PostgresCollector implements Collector {

    static final List<String> SETTINGS = List.of("ssl", "password_encryption", "log_connections", "log_disconnections",
            "log_statement", "shared_preload_libraries", "server_version_num", "server_version");

    @Override
    public Description description() {
        return Description.of("postgres", "host:port/database, e.g. db.internal:5432/postgres",
                        "postgres.server", "postgres.role", "postgres.database")
                .withCredentials(CredentialField.userAndPassword());
    }

    static String jdbcUrl(String target) {
        return target.startsWith("jdbc:postgresql://") ? target : "jdbc:postgresql://" + target;
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Properties props = new Properties();
        props.setProperty("user", secrets.getOrDefault("username", "postgres"));
        if (secrets.get("password") != null) {
            props.setProperty("password", secrets.get("password"));
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "60");
        props.setProperty("loginTimeout", "10");
        props.setProperty("ApplicationName", "attest-collector");
        progress.report("connecting to " + target);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(target), props)) {
            connection.setReadOnly(true);
            String server;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("select coalesce(inet_server_addr()::text, 'local') || ':' || "
                         + "coalesce(inet_server_port()::text, current_setting('port'))")) {
                rs.next();
                server = target.startsWith("jdbc:") ? rs.getString(1) : target.replaceFirst("/.*$", "");
            }
            progress.report("reading settings");
            Map<String, String> settings = new LinkedHashMap<>();
            try (var ps = connection.prepareStatement("select name, setting from pg_settings where name = any(?)")) {
                ps.setArray(1, connection.createArrayOf("text", SETTINGS.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        settings.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            String admin;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select current_user")) {
                rs.next();
                admin = rs.getString(1);
            }
            progress.report("reading roles");
            List<Resource> roles = roles(connection, server, admin);
            progress.report("reading databases");
            List<Resource> databases = databases(connection, server);
            List<String> superusers = roles.stream().filter(r -> Boolean.TRUE.equals(r.data().get("superuser")))
                    .map(r -> (String) r.data().get("name")).toList();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("server", server);
            data.put("version", settings.get("server_version"));
            long versionNum = Long.parseLong(settings.getOrDefault("server_version_num", "0"));
            data.put("majorVersion", versionNum / 10000);
            data.put("ssl", "on".equals(settings.get("ssl")));
            data.put("passwordEncryption", settings.get("password_encryption"));
            data.put("logConnections", "on".equals(settings.get("log_connections")));
            data.put("logDisconnections", "on".equals(settings.get("log_disconnections")));
            data.put("logStatement", settings.get("log_statement"));
            String preload = settings.getOrDefault("shared_preload_libraries", "");
            data.put("sharedPreloadLibraries", Arrays.stream(preload.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            data.put("adminRole", admin);
            data.put("superusers", superusers);
            data.put("roles", roles.size());
            data.put("databases", databases.size());
            List<Resource> all = new ArrayList<>();
            all.add(new Resource("postgres.server", server, data));
            all.addAll(roles);
            all.addAll(databases);
            return all;
        } catch (SQLException e) {
            throw new CollectionFailed("PostgreSQL at " + target + ": " + reason(e), e);
        }
    }

    private static List<Resource> roles(Connection connection, String server, String admin) throws SQLException {
        // pg_authid shows whether a password is set but needs superuser; pg_roles always masks it.
        boolean authid;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            rs.next();
            authid = rs.getBoolean(1);
        }
        String sql = authid
                ? "select rolname, rolsuper, rolcanlogin, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolvaliduntil, "
                + "rolpassword is not null, rolconnlimit from pg_authid where rolname not like 'pg\\_%'"
                : "select rolname, rolsuper, rolcanlogin, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolvaliduntil, "
                + "true, rolconnlimit from pg_roles where rolname not like 'pg\\_%'";
        List<Resource> roles = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql + " order by rolname")) {
            while (rs.next()) {
                Map<String, Object> d = new LinkedHashMap<>();
                String name = rs.getString(1);
                d.put("server", server);
                d.put("name", name);
                d.put("isAdmin", name.equals(admin));
                d.put("superuser", rs.getBoolean(2));
                d.put("canLogin", rs.getBoolean(3));
                d.put("createRole", rs.getBoolean(4));
                d.put("createDb", rs.getBoolean(5));
                d.put("replication", rs.getBoolean(6));
                d.put("bypassRls", rs.getBoolean(7));
                Timestamp validUntil = rs.getTimestamp(8);
                if (validUntil != null && validUntil.getTime() < 9_000_000_000_000L) {
                    d.put("validUntil", validUntil.toInstant().toString());
                }
                d.put("hasPassword", rs.getBoolean(9));
                d.put("connectionLimit", (long) rs.getInt(10));
                roles.add(new Resource("postgres.role", server + "/" + name, d));
            }
        }
        return roles;
    }

    private static List<Resource> databases(Connection connection, String server) throws SQLException {
        List<Resource> databases = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("select datname, datallowconn, datistemplate, pg_encoding_to_char(encoding), "
                     + "has_database_privilege('public', datname, 'CONNECT') from pg_database order by datname")) {
            while (rs.next()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("server", server);
                d.put("name", rs.getString(1));
                d.put("allowConnections", rs.getBoolean(2));
                d.put("isTemplate", rs.getBoolean(3));
                d.put("encoding", rs.getString(4));
                d.put("publicCanConnect", rs.getBoolean(5));
                databases.add(new Resource("postgres.database", server + "/" + rs.getString(1), d));
            }
        }
        return databases;
    }

    /**
     * What to tell the person: the server's own answer once it has answered (a refused role, a
     * missing database), but one sentence for every connection failure (SQL state class 08), since
     * "refused", "timed out" and "no route" would tell closed ports from filtered ones.
     */
    static String reason(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08")) {
            return "could not connect (the host is unreachable, nothing answers on that port, or it is not PostgreSQL)";
        }
        return firstLine(e.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
