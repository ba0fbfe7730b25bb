package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.CredentialField;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MariaDB or MySQL server's accounts: one {@code mariadb.user} per user@host with its grants
 * (from {@code SHOW GRANTS}), whether it holds global administrative rights, and whether its password
 * expired; and one {@code mariadb.server} with its hardening settings ({@link MariaDbHardening}). The target is {@code host:port}; secrets {@code username}
 * and {@code password} (an account allowed to read {@code mysql.user}).
 */
@Component
public class MariaDbCollector implements Collector {

    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (\\S+) TO ", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ADMIN_PRIVILEGES = Set.of("ALL PRIVILEGES", "SUPER", "CREATE USER", "GRANT OPTION", "FILE", "SHUTDOWN",
            "RELOAD", "PROCESS");

    @Override
    public Description description() {
        return Description.of("mariadb", "host:port, e.g. db.internal:3306", "mariadb.server", "mariadb.user")
                .withCredentials(CredentialField.userAndPassword());
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Properties props = new Properties();
        props.setProperty("user", secrets.getOrDefault("username", "root"));
        props.setProperty("password", secrets.getOrDefault("password", ""));
        props.setProperty("connectTimeout", "10000");
        props.setProperty("socketTimeout", "60000");
        progress.report("connecting to " + target);
        String server = target.replaceFirst("^jdbc:mariadb://", "").replaceFirst("/.*$", "");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + server + "/", props)) {
            String version;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select version()")) {
                rs.next();
                version = rs.getString(1);
            }
            progress.report("reading users");
            List<Resource> users = new ArrayList<>();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select * from mysql.user order by User, Host")) {
                Set<String> columns = columns(rs.getMetaData());
                while (rs.next()) {
                    String user = rs.getString("User");
                    String host = rs.getString("Host");
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("server", server);
                    d.put("user", user);
                    d.put("host", host);
                    d.put("account", user + "@" + host);
                    d.put("isRole", columns.contains("is_role") && "Y".equalsIgnoreCase(rs.getString("is_role")));
                    d.put("passwordExpired", columns.contains("password_expired") && "Y".equalsIgnoreCase(rs.getString("password_expired")));
                    d.put("accountLocked", columns.contains("account_locked") && "Y".equalsIgnoreCase(rs.getString("account_locked")));
                    users.add(new Resource("mariadb.user", server + "/" + user + "@" + host, d));
                }
            }
            List<Resource> all = new ArrayList<>();
            for (Resource r : users) {
                Map<String, Object> d = new LinkedHashMap<>(r.data());
                if (!Boolean.TRUE.equals(d.get("isRole"))) {
                    grants(connection, d);
                }
                all.add(new Resource(r.type(), r.id(), d));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("server", server);
            s.put("version", version);
            s.put("users", (long) users.size());
            progress.report("reading server settings");
            MariaDbHardening.read(connection, version, s);
            all.add(0, new Resource("mariadb.server", server, s));
            return all;
        } catch (SQLException e) {
            throw new CollectionFailed("MariaDB at " + target + ": " + PostgresCollector.firstLine(e.getMessage()), e);
        }
    }

    private static void grants(Connection connection, Map<String, Object> d) throws SQLException {
        List<String> grants = new ArrayList<>();
        List<String> privileges = new ArrayList<>();
        boolean admin = false;
        String account = quote((String) d.get("user")) + "@" + quote((String) d.get("host"));
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("show grants for " + account)) {
            while (rs.next()) {
                String grant = rs.getString(1);
                grants.add(grant.replaceAll(" IDENTIFIED (BY|VIA) .*?( WITH |$)", "$2").strip());
                Matcher m = GRANT.matcher(grant);
                if (!m.find()) {
                    continue;
                }
                String scope = m.group(2);
                for (String privilege : m.group(1).split(",\\s*")) {
                    String p = privilege.strip().toUpperCase(Locale.ROOT);
                    privileges.add(p + " ON " + scope);
                    if ("*.*".equals(scope) && ADMIN_PRIVILEGES.contains(p)) {
                        admin = true;
                    }
                }
                if (grant.toUpperCase(Locale.ROOT).contains("WITH GRANT OPTION") && !grant.toUpperCase(Locale.ROOT).startsWith("GRANT PROXY")) {
                    admin = true;
                    privileges.add("GRANT OPTION ON " + scope);
                }
            }
        } catch (SQLException e) {
            // A user the collector may not inspect still counts as an account; its grants stay unknown.
            grants.add("(grants not readable: " + PostgresCollector.firstLine(e.getMessage()) + ")");
        }
        d.put("grants", grants);
        d.put("privileges", new ArrayList<>(new HashSet<>(privileges)).stream().sorted().toList());
        d.put("globalAdmin", admin);
    }

    private static Set<String> columns(ResultSetMetaData meta) throws SQLException {
        Set<String> columns = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    /** A user or host name as a quoted string literal, for SHOW GRANTS (which takes no parameters). */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
