package dev.attest.trustcenter.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with a real SMTP server (GreenMail) on a random port. Every Trust Center
 * test extends this class so that they share one application context.
 */
@AttestTest
abstract class TrustCenterTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    dev.attest.web.PublicFormLimits limits;
    @Autowired
    RenderCache cache;

    Http api;
    Http visitor;

    @BeforeEach
    void clients() {
        api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        visitor = Http.anonymous(port);
        limits.clear();
    }

    @org.junit.jupiter.api.AfterEach
    void forgetLimits() {
        // On PostgreSQL every test context shares the counters: leave 127.0.0.1 with a clean slate.
        limits.clear();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Saves the draft (a JSON document) and publishes it. */
    void publish(String draftJson) {
        Http.Response saved = api.putJson("/api/v1/trust-center/draft", draftJson);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> published = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/trust-center/publish", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    static String draft(String company, String extra) {
        return """
                {"company":"%s","summary":"We protect customer data.","contactEmail":"security@example.com",
                 "securityContact":"security@example.com","languages":["en","de"],
                 "ndaText":"You keep this confidential.","internalNotes":"INTERNAL-NOTE-do-not-publish"%s}"""
                .formatted(company, extra.isEmpty() ? "" : "," + extra);
    }

    JsonNode post(String path, String json) {
        HttpResponse<String> response = JsonPost.json(port, AttestTest.ADMIN_TOKEN, path, json);
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> postRaw(String path, String json) {
        return JsonPost.json(port, AttestTest.ADMIN_TOKEN, path, json);
    }

    /** Uploads a one-page PDF and returns its id. */
    String uploadPdf(String title, String kind, boolean gated) {
        HttpResponse<String> response = JsonPost.post(port, AttestTest.ADMIN_TOKEN,
                "/api/v1/trust-center/documents?title=" + title.replace(" ", "%20") + "&kind=" + kind + "&gated=" + gated,
                "application/pdf", pdf("Independent service auditor's report: " + title));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for an email to this address whose subject contains the words, and returns it. */
    static MimeMessage mailTo(String address, String subjectContains) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            List<MimeMessage> found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))
                            && m.getSubject().contains(subjectContains);
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            MAIL.waitForIncomingEmail(500, 1);
        }
        throw new AssertionError("no email to " + address + " about " + subjectContains);
    }

    static long mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in an email that starts with this path, as a path and query. */
    static String link(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "\\S*)").matcher(body(message));
        assertThat(m.find()).as("a link to " + pathPrefix + " in:\n" + body(message)).isTrue();
        return m.group(1);
    }
}
