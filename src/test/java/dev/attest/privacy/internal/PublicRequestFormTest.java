package dev.attest.privacy.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import dev.attest.web.PublicFormLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The public request form on the Trust Center: email verification, CSRF, honeypot and rate limit. */
class PublicRequestFormTest extends MailAndClockTest {

    private static final Pattern LINK = Pattern.compile("(http://[^\\s]+/trust/privacy/request/confirm\\?token=([A-Za-z0-9_-]+))");


    @Autowired
    PublicFormLimits limits;

    @BeforeEach
    void everyTestIsANewClient() {
        limits.clear();
    }

    @AfterEach
    void resetClockAndLimits() {
        CLOCK.reset();
        // On PostgreSQL every test context shares the counters: leave 127.0.0.1 with a clean slate.
        limits.clear();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private Http.Response submit(Http http, String email, Map<String, String> extra) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("law", "gdpr", "type", "access", "name", "Rosalind Franklin",
                "email", email, "details", "newsletter account", "website", ""));
        fields.putAll(extra);
        return http.postForm("/trust/privacy/request", fields);
    }

    private int requestsFor(String email) {
        // Requests keep no plaintext address: count public ones by the verified actor recorded at creation.
        return jdbc.sql("select count(*) from privacy_request where created_by = ?")
                .param("public form (" + email.toLowerCase() + " verified)").query(Integer.class).single();
    }

    private String confirmationLink(String email) throws Exception {
        MAIL.waitForIncomingEmail(5000, 1);
        var messages = mailTo(email);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getSubject()).isEqualTo("Confirm your privacy request");
        Matcher link = LINK.matcher(body(messages.get(0)));
        assertThat(link.find()).as(body(messages.get(0))).isTrue();
        return link.group(1);
    }

    @Test
    void aRequestIsCreatedOnlyOnceTheAddressIsConfirmedFromTheEmailedLink() throws Exception {
        String email = unique("rosalind");
        Http visitor = Http.anonymous(port);
        Http.Response form = visitor.get("/trust/privacy/request");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Make a privacy request", "name=\"_csrf\"");

        Http.Response sent = submit(visitor, email, Map.of());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your email");
        assertThat(requestsFor(email)).isZero();

        String link = confirmationLink(email);
        String path = link.replaceFirst("^http://[^/]+", "");
        Http.Response confirmPage = visitor.get(path);
        assertThat(confirmPage.body()).contains("Confirm your request", email);
        assertThat(requestsFor(email)).as("opening the link alone creates nothing").isZero();

        String token = link.substring(link.indexOf("token=") + 6);
        Http.Response received = visitor.postForm(path, "/trust/privacy/request/confirm", Map.of("token", token), Map.of());
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body()).contains("Request received", "DSR-");
        assertThat(requestsFor(email)).isEqualTo(1);

        Http.Response again = visitor.postForm("/trust/privacy/request", "/trust/privacy/request/confirm", Map.of("token", token), Map.of());
        assertThat(again.status()).isEqualTo(404);
        assertThat(requestsFor(email)).isEqualTo(1);

        Http.Response listed = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/privacy/requests");
        assertThat(listed.body()).contains(email, "\"channel\":\"public\"");
    }

    @Test
    void aMalformedEmailIsRefusedAndNothingIsHeldOrSent() {
        int held = jdbc.sql("select count(*) from privacy_intake").query(Integer.class).single();
        int mails = MAIL.getReceivedMessages().length;

        Http.Response refused = submit(Http.anonymous(port), "rosalind@@example", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-testid=\"email-error\"", "not a valid email address", "Rosalind Franklin");
        assertThat(jdbc.sql("select count(*) from privacy_intake").query(Integer.class).single()).isEqualTo(held);
        assertThat(MAIL.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void anUnverifiedAddressNeverCreatesARequest() throws Exception {
        String email = unique("unverified");
        Http visitor = Http.anonymous(port);
        submit(visitor, email, Map.of());
        String link = confirmationLink(email);
        String token = link.substring(link.indexOf("token=") + 6);

        Http.Response forged = visitor.postForm("/trust/privacy/request", "/trust/privacy/request/confirm",
                Map.of("token", token + "x"), Map.of());
        assertThat(forged.status()).isEqualTo(404);

        CLOCK.advance(Duration.ofHours(25));
        assertThat(visitor.get(link.replaceFirst("^http://[^/]+", "")).status()).as("expired link").isEqualTo(404);
        Http.Response expired = visitor.postForm("/trust/privacy/request", "/trust/privacy/request/confirm", Map.of("token", token), Map.of());
        assertThat(expired.status()).isEqualTo(404);
        assertThat(requestsFor(email)).isZero();
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/trust/privacy/request"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("law=gdpr&type=access&name=X&email=x%40example.org")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aFilledHoneypotIsShownTheUsualAnswerButNothingIsSent() {
        String email = unique("bot");
        Http.Response bot = submit(Http.anonymous(port), email, Map.of("website", "http://spam.example"));

        assertThat(bot.status()).isEqualTo(200);
        assertThat(bot.body()).contains("Check your email");
        assertThat(mailTo(email)).isEmpty();
    }

    @Test
    void oneAddressMayNotSubmitMoreThanThreeTimesADay() {
        String email = unique("flood");
        for (int i = 0; i < 3; i++) {
            assertThat(submit(Http.anonymous(port), email, Map.of()).status()).isEqualTo(200);
        }
        Http.Response fourth = submit(Http.anonymous(port), email.toUpperCase(), Map.of());

        assertThat(fourth.status()).as("answered as usual").isEqualTo(200);
        assertThat(fourth.body()).contains("Check your email");
        assertThat(mailTo(email)).hasSize(3);
        assertThat(submit(Http.anonymous(port), unique("other"), Map.of()).status()).as("other addresses still pass").isEqualTo(200);
    }

    @Test
    void oneClientCannotMailTwelveStrangers() throws Exception {
        java.util.List<String> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String email = unique("stranger" + i);
            targets.add(email);
            Http.Response answer = submit(Http.anonymous(port), email, Map.of());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("Check your email");
        }
        MAIL.waitForIncomingEmail(5000, 5);

        long mailed = targets.stream().filter(t -> !mailTo(t).isEmpty()).count();
        assertThat(mailed).as("the per-client limit (5 per 10 minutes) holds").isEqualTo(5);
        assertThat(mailTo(targets.get(11))).isEmpty();
    }
}
