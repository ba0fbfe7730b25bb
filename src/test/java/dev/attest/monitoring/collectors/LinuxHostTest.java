package dev.attest.monitoring.collectors;

import dev.attest.monitoring.internal.collectors.LinuxHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LinuxHostTest {

    @TempDir
    Path root;

    private void file(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsSshdSettingsWithDropInsFirstAndTheHostsSafeguards() throws Exception {
        file("etc/hostname", "web-1\n");
        file("etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\nPasswordAuthentication yes\nMaxAuthTries 3\n");
        file("etc/ssh/sshd_config.d/10-hardening.conf", "PasswordAuthentication no\n");
        file("etc/apt/apt.conf.d/20auto-upgrades", "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n");
        file("etc/ufw/ufw.conf", "ENABLED=yes\n");
        file("etc/crypttab", "# <target> <source>\ncryptroot UUID=1234 none luks\n");
        file("proc/42/comm", "chronyd\n");

        Map<String, Object> data = new LinuxHost(root).read();

        assertThat(data).containsEntry("hostname", "web-1").containsEntry("sshd", true)
                .containsEntry("sshPermitRootLogin", "yes").containsEntry("sshPasswordAuthentication", "no")
                .containsEntry("sshMaxAuthTries", 3L).containsEntry("automaticUpdates", true)
                .containsEntry("firewall", "ufw").containsEntry("firewallActive", true)
                .containsEntry("diskEncryption", true).containsEntry("timeSync", true).containsEntry("timeSyncService", "chronyd")
                .containsEntry("auditd", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsThePeoplesAccountsWithGroupsSudoRightsAndLastLogin() throws Exception {
        file("etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice Admin,,,:/home/alice:/bin/bash\n"
                + "bob:x:1001:1001:Bob:/home/bob:/bin/zsh\ndeploy:x:1002:1002::/srv/deploy:/usr/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        file("etc/group", "root:x:0:\nsudo:x:27:alice\nalice:x:1000:\nbob:x:1001:\ndeploy:x:1002:\nops:x:1500:bob,deploy\n");
        file("etc/sudoers", "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n");
        file("etc/sudoers.d/deploy", "deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app\n");
        file("etc/sudoers.d/README.txt", "bob ALL=(ALL) ALL\n");
        byte[] lastlog = new byte[1002 * 292];
        java.nio.ByteBuffer.wrap(lastlog).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1001 * 292, 1_767_225_600);
        Files.createDirectories(root.resolve("var/log"));
        Files.write(root.resolve("var/log/lastlog"), lastlog);

        var accounts = (java.util.List<Map<String, Object>>) new LinuxHost(root).read().get("accounts");

        assertThat(accounts).extracting(a -> a.get("user")).containsExactly("alice", "bob", "deploy");
        assertThat(accounts.get(0)).containsEntry("sudo", true).containsEntry("name", "Alice Admin").containsEntry("canLogIn", true)
                .containsEntry("groups", java.util.List.of("alice", "sudo"));
        assertThat(accounts.get(1)).as("a sudoers.d file with a dot is ignored, as sudo does").containsEntry("sudo", false)
                .containsEntry("lastLogin", "2026-01-01T00:00:00Z").containsEntry("groups", java.util.List.of("bob", "ops"));
        assertThat(accounts.get(2)).containsEntry("sudo", true).containsEntry("canLogIn", false)
                .containsEntry("sudoRules", java.util.List.of("deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app"));
        assertThat(accounts.get(0)).doesNotContainKey("lastLogin");
    }

    @Test
    void readsThisMachine() {
        Map<String, Object> data = new LinuxHost().read();

        assertThat(data).containsKeys("hostname", "os", "kernel", "sshd", "automaticUpdates", "firewallActive", "diskEncryption",
                "auditd", "timeSync");
        assertThat((String) data.get("hostname")).isNotBlank();
        assertThat((java.util.List<?>) data.get("accounts")).allSatisfy(a -> assertThat((Long) ((Map<?, ?>) a).get("uid")).isBetween(1000L, 65533L));
    }
}
