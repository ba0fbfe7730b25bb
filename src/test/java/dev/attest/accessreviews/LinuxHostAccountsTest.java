package dev.attest.accessreviews;

import dev.attest.monitoring.HostAgent;
import dev.attest.monitoring.internal.collectors.LinuxHost;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.attest.accessreviews.AccessReviewSupport.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * This machine's accounts, as the real host agent reports them: a user added for the test shows up,
 * is revoked in a campaign, is removed with userdel, and the agent's next report verifies the task.
 */
class LinuxHostAccountsTest extends MailAndClockTest {

    private final String user = "ar" + UUID.randomUUID().toString().substring(0, 8);

    private static void sh(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + new String(process.getInputStream().readAllBytes())).isZero();
    }

    private void push() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = HostAgent.run(new String[]{"--server", "http://localhost:" + port, "--token", AttestTest.ADMIN_TOKEN}, new PrintStream(out));
        assertThat(status).as(out.toString()).isZero();
    }

    @Test
    void aUserRemovedFromTheHostAfterARevocationIsVerifiedByTheAgentsNextReport() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/useradd")) && "root".equals(System.getProperty("user.name")),
                "adding a test user to this machine needs useradd and root; test skipped");
        String hostname = (String) new LinuxHost().read().get("hostname");
        sh("/usr/sbin/useradd", "--uid", String.valueOf(60000 + (int) (Math.random() * 4000)), "--shell", "/bin/bash",
                "--comment", "Access Review Test", user);
        try {
            push();
            Http http = AccessReviewSupport.admin(port);
            String system = AccessReviewSupport.system(http, """
                    {"name":"Host %s","kind":"linux","ownerEmail":"%s","target":"%s","settings":{"emailDomain":"host.example.test"}}"""
                    .formatted(user, AttestTest.ADMIN_EMAIL, hostname));
            String campaign = AccessReviewSupport.startedCampaign(http, "Host " + user, system);
            Map<String, JsonNode> items = AccessReviewSupport.items(http, campaign);
            JsonNode mine = items.get(user);
            assertThat(mine).as("the test user is on the host").isNotNull();
            assertThat(mine.get("account").get("displayName").asText()).isEqualTo("Access Review Test");
            assertThat(mine.get("account").get("email").asText()).isEqualTo(user + "@host.example.test");
            assertThat(mine.get("account").get("active").asBoolean()).isTrue();
            assertThat(mine.get("account").get("roles").toString()).contains(user);
            assertThat(items.keySet()).noneMatch(id -> id.equals("root") || id.equals("nobody"));

            assertThat(AccessReviewSupport.decide(http, campaign, mine, "{\"decision\":\"revoke\",\"comment\":\"test user\"}").status())
                    .isEqualTo(200);
            sh("/usr/sbin/userdel", user);
            push();
            JsonNode task = http.get(BASE + "/campaigns/" + campaign + "/tasks").json().get(0);
            assertThat(task.get("status").asText()).isEqualTo("VERIFIED");
        } finally {
            new ProcessBuilder("/usr/sbin/userdel", user).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHostWhoseAgentNeverReportedCannotBeReviewed() {
        Http http = AccessReviewSupport.admin(port);
        String system = AccessReviewSupport.system(http, """
                {"name":"Ghost host %s","kind":"linux","ownerEmail":"%s","target":"ghost-%s"}""".formatted(user, AttestTest.ADMIN_EMAIL, user));
        Http.Response refused = http.postJson(BASE + "/systems/" + system + "/collection", "{}");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("detail").asText()).contains("no report from the host agent on ghost-" + user);
    }
}
