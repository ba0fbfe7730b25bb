package dev.attest.monitoring.internal.collectors;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server-wide hardening settings of a MariaDB or MySQL server, added to its {@code mariadb.server}
 * document: TLS required, accounts without a password, anonymous or reachable from any host, the test
 * database, {@code local_infile}, {@code skip_name_resolve}, an active audit plugin, and the end of
 * life of its release series.
 */
final class MariaDbHardening {

    /** Plugins that only authenticate with a stored password: an empty one lets anyone in. */
    private static final Set<String> PASSWORD_PLUGINS = Set.of("", "mysql_native_password", "mysql_old_password", "caching_sha2_password",
            "sha256_password");
    private static final Pattern SERIES = Pattern.compile("^(\\d+)\\.(\\d+)");

    /**
     * End of community support per release series, from the MariaDB and MySQL release calendars.
     * A series missing here is reported with an empty date rather than guessed.
     */
    private static final Map<String, String> MARIADB_END_OF_LIFE = Map.ofEntries(
            Map.entry("10.3", "2023-05-25"), Map.entry("10.4", "2024-06-18"), Map.entry("10.5", "2025-06-24"),
            Map.entry("10.6", "2026-07-06"), Map.entry("10.11", "2028-02-16"), Map.entry("11.4", "2029-05-29"));
    private static final Map<String, String> MYSQL_END_OF_LIFE = Map.of(
            "5.6", "2021-02-28", "5.7", "2023-10-21", "8.0", "2026-04-30", "8.4", "2032-04-30");

    private MariaDbHardening() {
    }

    static void read(Connection connection, String version, Map<String, Object> server) throws SQLException {
        Map<String, String> variables = new java.util.HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("show global variables where variable_name in "
                + "('require_secure_transport','have_ssl','local_infile','skip_name_resolve','server_audit_logging','audit_log_policy')")) {
            while (rs.next()) {
                variables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        server.put("requireSecureTransport", on(variables.get("require_secure_transport")));
        server.put("tlsAvailable", "YES".equalsIgnoreCase(variables.get("have_ssl")));
        server.put("localInfile", on(variables.get("local_infile")));
        server.put("skipNameResolve", on(variables.get("skip_name_resolve")));
        server.put("auditPluginActive", auditPlugin(connection) && (!variables.containsKey("server_audit_logging")
                || on(variables.get("server_audit_logging"))));
        List<String> databases = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("show databases")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        server.put("testDatabase", databases.stream().anyMatch(d -> d.equals("test") || d.startsWith("test_")));
        accounts(connection, server);
        endOfLife(version, server);
    }

    private static boolean on(String value) {
        return value != null && (value.equalsIgnoreCase("ON") || value.equals("1") || value.equalsIgnoreCase("YES"));
    }

    private static boolean auditPlugin(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select count(*) from information_schema.plugins"
                + " where plugin_name in ('SERVER_AUDIT','audit_log') and plugin_status = 'ACTIVE'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static void accounts(Connection connection, Map<String, Object> server) throws SQLException {
        Set<String> locked = locked(connection);
        List<String> withoutPassword = new ArrayList<>();
        List<String> anonymous = new ArrayList<>();
        List<String> anyHost = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select * from mysql.user")) {
            Set<String> columns = new HashSet<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                String user = rs.getString("User");
                String host = rs.getString("Host");
                String account = user + "@" + host;
                boolean role = columns.contains("is_role") && "Y".equalsIgnoreCase(rs.getString("is_role"));
                if (role || locked.contains(account)
                        || (columns.contains("account_locked") && "Y".equalsIgnoreCase(rs.getString("account_locked")))) {
                    continue;
                }
                String plugin = columns.contains("plugin") ? nullToEmpty(rs.getString("plugin")) : "";
                String hash = columns.contains("authentication_string") ? nullToEmpty(rs.getString("authentication_string")) : "";
                String legacy = columns.contains("password") ? nullToEmpty(rs.getString("password")) : "";
                if (PASSWORD_PLUGINS.contains(plugin) && hash.isEmpty() && legacy.isEmpty()) {
                    withoutPassword.add(account);
                }
                if (user.isEmpty()) {
                    anonymous.add(account);
                }
                if ("%".equals(host)) {
                    anyHost.add(account);
                }
            }
        }
        server.put("accountsWithoutPassword", withoutPassword);
        server.put("anonymousAccounts", anonymous);
        server.put("anyHostAccounts", anyHost);
    }

    /** MariaDB keeps the lock in mysql.global_priv (its mysql.user view does not show it); MySQL has no such table. */
    private static Set<String> locked(Connection connection) {
        Set<String> locked = new HashSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "select User, Host from mysql.global_priv where json_value(Priv, '$.account_locked') in ('1', 'true')")) {
            while (rs.next()) {
                locked.add(rs.getString(1) + "@" + rs.getString(2));
            }
        } catch (SQLException e) {
            // MySQL: the lock is the account_locked column of mysql.user, read with the accounts.
        }
        return locked;
    }

    private static void endOfLife(String version, Map<String, Object> server) {
        Matcher m = SERIES.matcher(version);
        String series = m.find() ? m.group(1) + "." + m.group(2) : "";
        boolean mariadb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        server.put("product", mariadb ? "MariaDB" : "MySQL");
        server.put("series", series);
        // As an RFC 3339 instant (start of the day), so a check compares it with now without string arithmetic.
        String day = (mariadb ? MARIADB_END_OF_LIFE : MYSQL_END_OF_LIFE).getOrDefault(series, "");
        server.put("endOfLife", day.isEmpty() ? "" : day + "T00:00:00Z");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
