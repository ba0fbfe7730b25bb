package dev.attest.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations by email, delivered to GreenMail as a real SMTP server, followed like a person would. */
@AttestTest
class InvitationTest {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private String linkSentTo(String email) {
        MimeMessage message = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no mail to " + email));
        Matcher link = Pattern.compile("http://[^\\s]+/invitations/(attest_[A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(message));
        assertThat(link.find()).as("the mail holds the link").isTrue();
        return "/invitations/" + link.group(1);
    }

    private static String email() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    @Test
    void anInviteeFollowsTheLinkChoosesAPasswordAndIsSignedInWithTheRole() {
        String email = email();
        Http.Response invited = api().postJson("/api/v1/invitations", "{\"email\":\"" + email + "\",\"role\":\"control_owner\"}");
        assertThat(invited.status()).isEqualTo(201);
        String link = linkSentTo(email);

        Http browser = Http.anonymous(port);
        Http.Response offer = browser.get(link);
        assertThat(offer.status()).isEqualTo(200);
        assertThat(offer.body()).contains("control_owner", email);
        Http.Response weak = browser.postForm(link, Map.of("displayName", "Ivy", "password", "password1234", "confirm", "password1234"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("most common passwords");

        Http.Response accepted = browser.postForm(link, Map.of("displayName", "Ivy", "password", "violet otter 2718", "confirm", "violet otter 2718"));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(browser.get("/controls").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/members").body()).contains(email, "control_owner");
        assertThat(api().get("/api/v1/audit-log?target=user:" + email).body())
                .contains("identity.invitation-sent", "identity.invitation-accepted", "identity.sign-in-succeeded");
    }

    @Test
    void aLinkWorksOnceAndNotAfterSevenDays() {
        String used = email();
        api().postJson("/api/v1/invitations", "{\"email\":\"" + used + "\",\"role\":\"viewer\"}");
        String link = linkSentTo(used);
        Http.anonymous(port).postForm(link, Map.of("displayName", "Una", "password", "violet otter 2718", "confirm", "violet otter 2718"));

        Http.Response again = Http.anonymous(port).get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("This invitation was already used");

        String late = email();
        api().postJson("/api/v1/invitations", "{\"email\":\"" + late + "\",\"role\":\"viewer\"}");
        String lateLink = linkSentTo(late);
        // eight days pass
        jdbc.sql("update invitation set expires_at = created_at - interval '1' day where email = ?").param(late).update();
        Http.Response expired = Http.anonymous(port).get(lateLink);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This invitation expired");
        Http.Response post = Http.anonymous(port).postForm("/login", lateLink,
                Map.of("displayName", "Late", "password", "violet otter 2718", "confirm", "violet otter 2718"), Map.of());
        assertThat(post.status()).isEqualTo(410);
        assertThat(api().get("/api/v1/audit-log?action=identity.invitation-refused&target=user:" + late).json().get("total").asLong())
                .isEqualTo(2);
        assertThat(Http.anonymous(port).get("/invitations/attest_made_up").status()).isEqualTo(410);
    }

    @Test
    void anExistingUserConfirmsWithTheirPasswordToJoinAnotherWorkspace() {
        var member = TestAccounts.member(context, Role.VIEWER);
        String slug = "inv-" + UUID.randomUUID().toString().substring(0, 8);
        String workspace = api().postJson("/api/v1/workspaces", "{\"slug\":\"" + slug + "\",\"name\":\"Invited " + slug + "\"}")
                .json().get("id").asString();
        UUID admin = jdbc.sql("select id from app_user where email = ?").param(AttestTest.ADMIN_EMAIL).query(UUID.class).single();
        Http secondAdmin = Http.withToken(port, TestAccounts.token(context, new WorkspaceId(UUID.fromString(workspace)), admin, "read_write"));
        secondAdmin.postJson("/api/v1/invitations", "{\"email\":\"" + member.email() + "\",\"role\":\"auditor\"}");
        String link = linkSentTo(member.email());

        Http browser = Http.anonymous(port);
        assertThat(browser.get(link).body()).contains("You already have an account");
        assertThat(browser.postForm(link, Map.of("password", "not it at all")).status()).isEqualTo(400);
        assertThat(browser.postForm(link, Map.of("password", member.password())).status()).isEqualTo(302);

        assertThat(secondAdmin.get("/api/v1/members").body()).contains(member.email(), "auditor");
        assertThat(Http.signedIn(port, member.email(), member.password()).get("/").body()).contains("Invited " + slug);
    }

    @Test
    void badInvitationsAreRefusedAndSendNothing() {
        int before = MAIL.getReceivedMessages().length;

        Http.Response badEmail = api().postJson("/api/v1/invitations", "{\"email\":\"not-an-email\",\"role\":\"viewer\"}");
        Http.Response badRole = api().postJson("/api/v1/invitations", "{\"email\":\"x@example.test\",\"role\":\"boss\"}");
        Http.Response member = api().postJson("/api/v1/invitations", "{\"email\":\"" + AttestTest.ADMIN_EMAIL + "\",\"role\":\"viewer\"}");

        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(member.status()).isEqualTo(400);
        assertThat(MAIL.getReceivedMessages()).hasSize(before);
    }
}
