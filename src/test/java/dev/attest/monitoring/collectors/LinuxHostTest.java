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
    void readsThisMachine() {
        Map<String, Object> data = new LinuxHost().read();

        assertThat(data).containsKeys("hostname", "os", "kernel", "sshd", "automaticUpdates", "firewallActive", "diskEncryption",
                "auditd", "timeSync");
        assertThat((String) data.get("hostname")).isNotBlank();
    }
}
