package dev.attest.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Outside services the tests talk to (PostgreSQL, MariaDB, Redis, slapd). A test that needs one calls
 * {@link #require}: where the service is not there the test is skipped with a message naming it, unless
 * ATTEST_REQUIRE_SERVICES=true (as in CI, which starts every service), where a missing one is a failure.
 */
public final class Services {

    private Services() {
    }

    /** PostgreSQL on 127.0.0.1:5432, trust authentication, user postgres. */
    public static void requirePostgres() {
        require("PostgreSQL", "127.0.0.1", 5432);
    }

    /** MariaDB on 127.0.0.1:3306, root without a password. */
    public static void requireMariaDb() {
        require("MariaDB", "127.0.0.1", 3306);
    }

    /** Redis on 127.0.0.1:6379. */
    public static void requireRedis() {
        require("Redis", "127.0.0.1", 6379);
    }

    /** Debian's slapd binary, which a test starts itself with its own data. */
    public static void requireSlapd() {
        if (!Files.isExecutable(Path.of("/usr/sbin/slapd"))) {
            missing("slapd (LDAP server, apt-get install slapd)");
        }
    }

    /** A service listening on host:port, else skipped (or failed when services are required). */
    public static void require(String name, String host, int port) {
        if (!reachable(host, port)) {
            missing(name + " on " + host + ":" + port);
        }
    }

    /**
     * Whether something listens on host:port. A clean-up after each test asks first: JUnit runs it after a
     * test skipped for want of the service too, and a clean-up that fails turns the skip into a failure.
     */
    public static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void missing(String what) {
        if ("true".equals(System.getenv("ATTEST_REQUIRE_SERVICES"))) {
            throw new IllegalStateException(what + " is required (ATTEST_REQUIRE_SERVICES=true) but not reachable");
        }
        Assumptions.abort(what + " is not available; test skipped");
    }
}
