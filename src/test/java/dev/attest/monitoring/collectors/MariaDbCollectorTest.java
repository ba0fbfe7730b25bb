package dev.attest.monitoring.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.collectors.MariaDbCollector;
import dev.attest.support.BuiltInChecks;
import dev.attest.support.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the MariaDB on 127.0.0.1:3306 (root without a password, as Debian installs it for tests). */
class MariaDbCollectorTest {

    private final MariaDbCollector collector = new MariaDbCollector();
    private final BuiltInChecks checks = new BuiltInChecks("mariadb.yaml");
    private final String open = "attest_open_" + UUID.randomUUID().toString().substring(0, 8);
    private final String guarded = "attest_guard_" + UUID.randomUUID().toString().substring(0, 8);

    private static void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             var st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    @BeforeEach
    void needsMariaDb() {
        Services.requireMariaDb();
    }

    @AfterEach
    void dropUsers() throws Exception {
        if (!Services.reachable("127.0.0.1", 3306)) {
            return;
        }
        sql("drop user if exists '" + open + "'@'%'");
        sql("drop user if exists '" + guarded + "'@'10.0.0.5'");
    }

    private Resource server(Map<String, String> secrets) throws Exception {
        List<Resource> resources = collector.collect("127.0.0.1:3306", secrets, step -> { });
        return resources.stream().filter(r -> r.type().equals("mariadb.server")).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheHardeningSettingsAndFlagsAnOpenAccount() throws Exception {
        sql("create user '" + open + "'@'%'");
        sql("create user '" + guarded + "'@'10.0.0.5' identified by 'Long-probe-password-1'");

        Resource server = server(Map.of("username", "root"));

        assertThat(server.data()).containsKeys("requireSecureTransport", "tlsAvailable", "localInfile", "skipNameResolve",
                "auditPluginActive", "testDatabase").containsEntry("product", "MariaDB");
        assertThat((List<String>) server.data().get("accountsWithoutPassword")).contains(open + "@%").doesNotContain(guarded + "@10.0.0.5")
                .doesNotContain("mariadb.sys@localhost");
        assertThat((List<String>) server.data().get("anyHostAccounts")).contains(open + "@%").doesNotContain(guarded + "@10.0.0.5");
        assertThat((String) server.data().get("series")).matches("\\d+\\.\\d+");

        Map<String, Boolean> results = checks.evaluate(server, Instant.now());
        assertThat(results).hasSize(10).containsEntry("mariadb-no-accounts-without-password", false)
                .containsEntry("mariadb-no-any-host-accounts", false);
        // The settings the checks read are the server's own, as SHOW VARIABLES reports them.
        assertThat(results.get("mariadb-local-infile-off")).isEqualTo(!(Boolean) server.data().get("localInfile"));
        assertThat(results.get("mariadb-no-test-database")).isEqualTo(!(Boolean) server.data().get("testDatabase"));
    }

    @Test
    void aReleaseSeriesPastItsEndOfLifeFailsTheVersionCheck() {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(checks.passes("mariadb-supported-version", Map.of("endOfLife", "2026-07-06T00:00:00Z"), now)).isFalse();
        assertThat(checks.passes("mariadb-supported-version", Map.of("endOfLife", "2028-02-16T00:00:00Z"), now)).isTrue();
        assertThat(checks.passes("mariadb-supported-version", Map.of("endOfLife", ""), now)).isTrue();
    }

    @Test
    void credentialsTheServerRefusesAreACollectionFailureWithItsMessage() {
        assertThatThrownBy(() -> server(Map.of("username", "attest_nobody", "password", "wrong")))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("127.0.0.1:3306").hasMessageContaining("Access denied");
    }
}
