package dev.attest.monitoring.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.collectors.RedisCollector;
import dev.attest.support.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the Redis on 127.0.0.1:6379 (Debian defaults: no password, protected mode, loopback only). */
class RedisCollectorTest {

    private final RedisCollector collector = new RedisCollector();
    private final String open = "attest-open-" + UUID.randomUUID().toString().substring(0, 8);
    private final String restricted = "attest-restricted-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void needsRedis() {
        Services.requireRedis();
    }

    @AfterEach
    void dropUsers() throws Exception {
        if (!Services.reachable("127.0.0.1", 6379)) {
            return;
        }
        command("ACL", "DELUSER", open, restricted);
    }

    /** One inline command on its own connection, as the Redis command line would send it; returns the first reply line. */
    private static String command(String... words) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            return line.toString().strip();
        }
    }

    private Map<String, Object> collect(Map<String, String> secrets) throws Exception {
        List<Resource> resources = collector.collect("127.0.0.1:6379", secrets, step -> { });
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).type()).isEqualTo("redis.server");
        assertThat(resources.get(0).id()).isEqualTo("127.0.0.1:6379");
        return resources.get(0).data();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheServersAuthenticationNetworkAndPersistenceSettings() throws Exception {
        assertThat(command("ACL", "SETUSER", open, "on", "nopass", "+ping")).isEqualTo("+OK");

        Map<String, Object> data = collect(Map.of());

        // The Debian default: the default user has no password, so anyone who reaches the port is in.
        assertThat(data).containsEntry("authRequired", false).containsEntry("requirepass", false)
                .containsEntry("configReadable", true).containsEntry("aclReadable", true)
                .containsEntry("protectedMode", true).containsEntry("boundToAllInterfaces", false)
                .containsEntry("tlsPort", 0L).containsKeys("snapshotting", "appendOnly", "lastSaveOk");
        assertThat((String) data.get("version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat((Long) data.get("majorVersion")).isGreaterThanOrEqualTo(6L);
        assertThat((List<String>) data.get("bind")).contains("127.0.0.1");
        assertThat((List<String>) data.get("usersWithoutPassword")).contains("default", open);
        assertThat((List<String>) data.get("dangerousCommands")).containsAll(List.of("FLUSHALL", "CONFIG", "DEBUG", "KEYS"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void commandsDeniedToTheConnectingUserAreNotCountedAsRunnable() throws Exception {
        assertThat(command("ACL", "SETUSER", restricted, "on", ">s3cret-probe", "+@all", "-flushall", "-flushdb", "-debug",
                "-shutdown", "-keys", "-module", "-script")).isEqualTo("+OK");

        Map<String, Object> data = collect(Map.of("username", restricted, "password", "s3cret-probe"));

        assertThat((List<String>) data.get("dangerousCommands")).containsExactly("CONFIG");
        assertThat((List<String>) data.get("usersWithoutPassword")).doesNotContain(restricted);
        assertThat((List<String>) data.get("users")).contains(restricted);
    }

    @Test
    void credentialsTheServerRefusesAreACollectionFailureWithItsMessage() {
        assertThatThrownBy(() -> collect(Map.of("username", "attest-nobody", "password", "wrong")))
                .isInstanceOf(Collector.CollectionFailed.class)
                .hasMessageContaining("127.0.0.1:6379").hasMessageContaining("refused the credentials").hasMessageContaining("WRONGPASS");
    }

    @Test
    void aPortWithNothingListeningIsACollectionFailure() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> collector.collect("127.0.0.1:" + closed, Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("not reachable");
    }
}
