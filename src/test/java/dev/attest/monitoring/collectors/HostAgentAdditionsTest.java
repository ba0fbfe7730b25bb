package dev.attest.monitoring.collectors;

import dev.attest.monitoring.internal.collectors.FileIntegrity;
import dev.attest.monitoring.internal.collectors.LinuxHost;
import dev.attest.support.BuiltInChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host agent's additions: file integrity against the previous run, listening ports with their
 * process, accounts with empty passwords, pending updates, and the checks over them.
 */
class HostAgentAdditionsTest {

    private static final BuiltInChecks HOST = new BuiltInChecks("host.yaml");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aChangedWatchedFileIsReportedOnceAgainstThePreviousRun() throws Exception {
        Path sudoers = Files.writeString(dir.resolve("sudoers"), "root ALL=(ALL:ALL) ALL\n");
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path later = dir.resolve("cron.allow");
        Path state = dir.resolve("state/file-hashes");
        FileIntegrity integrity = new FileIntegrity(state);
        List<Path> watched = List.of(sudoers, passwd, later);

        Map<String, Object> first = integrity.check(watched);
        assertThat(first).containsEntry("baseline", true).containsEntry("changed", List.of());
        assertThat(Files.readString(state)).contains("  " + sudoers).contains("missing  " + later);
        assertThat(HOST.passes("host-file-integrity-unchanged", Map.of("fileIntegrity", first), Instant.now())).isTrue();

        Files.writeString(sudoers, "root ALL=(ALL:ALL) ALL\nmallory ALL=(ALL) NOPASSWD: ALL\n");
        Files.writeString(later, "alice\n");
        Files.delete(passwd);
        Map<String, Object> second = integrity.check(watched);
        assertThat(second).containsEntry("baseline", false);
        assertThat((List<String>) second.get("changed")).containsExactly(sudoers.toString());
        assertThat((List<String>) second.get("appeared")).containsExactly(later.toString());
        assertThat((List<String>) second.get("removed")).containsExactly(passwd.toString());
        assertThat(HOST.passes("host-file-integrity-unchanged", Map.of("fileIntegrity", second), Instant.now())).isFalse();

        // Nothing changed since the previous run: the check passes again.
        Map<String, Object> third = integrity.check(watched);
        assertThat(third).containsEntry("changed", List.of()).containsEntry("removed", List.of());
        assertThat(HOST.passes("host-file-integrity-unchanged", Map.of("fileIntegrity", third), Instant.now())).isTrue();
    }

    private void file(String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void listeningPortsComeWithTheirProcessAndDatabasesOnEveryInterfaceFail() throws Exception {
        // /proc/net/tcp as the kernel writes it: PostgreSQL on 0.0.0.0:5432 (inode 111), sshd on 127.0.0.1:22 (222),
        // and an established connection that is not a listener.
        file("proc/net/tcp", """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   104        0 111 1 0 100 0 0 10 0
                   1: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0 100 0 0 10 0
                   2: 0100007F:0016 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 333 1 0 100 0 0 10 0
                """);
        file("proc/net/tcp6", """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000000000000:18EB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000   106        0 444 1 0 100 0 0 10 0
                """);
        file("proc/700/comm", "postgres\n");
        file("proc/800/comm", "sshd\n");
        file("proc/900/comm", "redis-server\n");
        Files.createDirectories(dir.resolve("proc/700/fd"));
        Files.createDirectories(dir.resolve("proc/800/fd"));
        Files.createDirectories(dir.resolve("proc/900/fd"));
        Files.createSymbolicLink(dir.resolve("proc/700/fd/5"), Path.of("socket:[111]"));
        Files.createSymbolicLink(dir.resolve("proc/800/fd/3"), Path.of("socket:[222]"));
        Files.createSymbolicLink(dir.resolve("proc/900/fd/6"), Path.of("socket:[444]"));
        file("etc/shadow", "root:$y$j9T$abc:19700:0:99999:7:::\nguest::19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n");
        file("var/lib/attest-agent/apt-upgrade-simulation", """
                Inst libssl3 [3.0.11-1~deb12u1] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])
                Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable [all])
                Conf libssl3 (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])
                """);

        Map<String, Object> host = new LinuxHost(dir).read();

        assertThat(host.get("listening")).isEqualTo(List.of(
                Map.of("port", 5432L, "address", "0.0.0.0", "allInterfaces", true, "process", "postgres"),
                Map.of("port", 22L, "address", "127.0.0.1", "allInterfaces", false, "process", "sshd"),
                Map.of("port", 6379L, "address", "::", "allInterfaces", true, "process", "redis-server")));
        assertThat(host.get("databasePortsOnAllInterfaces")).isEqualTo(List.of(5432L, 6379L));
        assertThat(host.get("emptyPasswordUsers")).isEqualTo(List.of("guest"));
        assertThat(host).containsEntry("pendingUpdates", 2L).containsEntry("pendingSecurityUpdates", 1L);

        Instant now = Instant.now();
        assertThat(HOST.passes("host-databases-not-on-all-interfaces", host, now)).isFalse();
        assertThat(HOST.passes("host-no-empty-password-users", host, now)).isFalse();
        assertThat(HOST.passes("host-no-pending-security-updates", host, now)).isFalse();
        assertThat(HOST.passes("host-no-empty-password-users", Map.of("emptyPasswordUsers", List.of()), now)).isTrue();
        assertThat(HOST.passes("host-no-pending-security-updates", Map.of("pendingSecurityUpdates", 0L), now)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onThisMachineTheAgentSeesAPortItOpensWithItsOwnProcess() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<Map<String, Object>> listening = (List<Map<String, Object>>) new LinuxHost().read().get("listening");
            assertThat(listening).anySatisfy(l -> {
                assertThat(l.get("port")).isEqualTo((long) server.getLocalPort());
                assertThat(l.get("allInterfaces")).isEqualTo(false);
                assertThat(l.get("process")).isEqualTo("java");
            });
        }
    }
}
