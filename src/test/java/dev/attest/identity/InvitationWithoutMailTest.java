package dev.attest.identity;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server (the default), an invitation still works: the admin is given the link to hand
 * over, the invitation is listed as pending on the members page, and the invitee can follow the link.
 */
@AttestTest
class InvitationWithoutMailTest {

    @LocalServerPort
    int port;

    @Test
    void theAdminGetsALinkToCopyAndThePendingInvitationIsListed() {
        String email = "copy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        assertThat(admin.get("/members").body()).contains("SPRING_MAIL_HOST").doesNotContain("ATTEST_MAIL_HOST");

        Http.Response invited = admin.postForm("/members", "/members/invite", Map.of("email", email, "role", "viewer"), Map.of());
        assertThat(invited.status()).isEqualTo(302);
        String page = admin.get(invited.header("Location").replaceFirst("^http://localhost:\\d+", "")).body();
        Matcher link = Pattern.compile("value=\"(http://localhost:\\d+/invitations/attest_[A-Za-z0-9_-]+)\"").matcher(page);
        assertThat(link.find()).as("the page shows the invitation link to copy").isTrue();
        assertThat(page).contains("send this link to", email);
        assertThat(admin.get("/members").body()).contains("Pending invitations", "data-invitation=\"" + email + "\"")
                .doesNotContain(link.group(1));

        String path = link.group(1).replaceFirst("http://localhost:\\d+", "");
        Http invitee = Http.anonymous(port);
        assertThat(invitee.get(path).body()).contains(email);
        assertThat(invitee.postForm(path, Map.of("displayName", "Cora", "password", "violet otter 2718", "confirm", "violet otter 2718"))
                .status()).isEqualTo(302);
        assertThat(admin.get("/members").body()).doesNotContain("data-invitation=\"" + email + "\"");
    }

    @Test
    void theApiAnswersTheLinkWhenNoMailGoesOut() {
        String email = "api-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Http.Response invited = Http.withToken(port, AttestTest.ADMIN_TOKEN)
                .postJson("/api/v1/invitations", "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("link").asString()).matches("http://localhost:\\d+/invitations/attest_.+");
    }
}
