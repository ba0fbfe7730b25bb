package dev.attest.monitoring.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.collectors.PostgresCollector;
import dev.attest.support.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the PostgreSQL on 127.0.0.1:5432 (trust authentication, user postgres). */
class PostgresCollectorTest {

    private final PostgresCollector collector = new PostgresCollector();
    private final String role = "attest_probe_" + UUID.randomUUID().toString().substring(0, 8);

    private void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    @BeforeEach
    void needsPostgres() {
        Services.requirePostgres();
    }

    @AfterEach
    void dropRole() throws Exception {
        if (!Services.reachable("127.0.0.1", 5432)) {
            return;
        }
        sql("drop role if exists " + role);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsSecuritySettingsRolesAndDatabases() throws Exception {
        sql("create role " + role + " login superuser");

        List<Resource> resources = collector.collect("127.0.0.1:5432/postgres", Map.of("username", "postgres"), step -> { });

        Resource server = resources.stream().filter(r -> r.type().equals("postgres.server")).findFirst().orElseThrow();
        assertThat(server.id()).isEqualTo("127.0.0.1:5432");
        assertThat(server.data()).containsKeys("ssl", "passwordEncryption", "logConnections", "logDisconnections", "logStatement",
                "sharedPreloadLibraries").containsEntry("adminRole", "postgres").containsEntry("majorVersion", 15L);
        assertThat((List<Object>) server.data().get("superusers")).contains("postgres", role);
        Resource probe = resources.stream().filter(r -> r.id().equals("127.0.0.1:5432/" + role)).findFirst().orElseThrow();
        assertThat(probe.type()).isEqualTo("postgres.role");
        assertThat(probe.data()).containsEntry("superuser", true).containsEntry("canLogin", true).containsEntry("isAdmin", false);
        assertThat(resources).anyMatch(r -> r.type().equals("postgres.database") && r.id().equals("127.0.0.1:5432/postgres"));
    }

    @Test
    void aServerThatIsDownOrRefusesTheUserIsACollectionFailure() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> collector.collect("127.0.0.1:" + closed + "/postgres", Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("127.0.0.1:" + closed);
        assertThatThrownBy(() -> collector.collect("127.0.0.1:5432/postgres", Map.of("username", "nobody_" + role), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("nobody_" + role);
    }
}
