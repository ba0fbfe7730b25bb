package dev.attest.trustcenter.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who sends {@code Host: evil.example} gets no link to evil.example into anyone's mailbox,
 * feed, security.txt or API description: every absolute URL starts with the configured base URL
 * (in tests, this application's own address).
 */
class HostHeaderLinksTest extends TrustCenterTestBase {

    private static final String EVIL = "evil.example";

    private String ownBase() {
        return "http://localhost:" + port;
    }

    @Test
    void anAutoApprovedDocumentLinkIsMailedWithTheConfiguredAddress() {
        String report = uploadPdf("SOC 2 report " + unique("host"), "soc2-report", true);
        publish(draft(unique("Hostile"), "\"documents\":[\"" + report + "\"],\"allowedDomains\":[\"victim.example\"]"));
        String victim = unique("vic") + "@victim.example";

        RawVisitor attacker = new RawVisitor(port, EVIL);
        String answer = attacker.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                Map.of("name", "Victor Victim", "email", victim, "company", "Victim Co", "reason", "review", "nda", "accepted"));

        assertThat(answer).startsWith("HTTP/1.1 200").contains("we have sent you a link");
        String mail = body(mailTo(victim, "your access link"));
        assertThat(mail).doesNotContain(EVIL).contains(ownBase() + "/trust/access/");
    }

    @Test
    void subscriptionAndPrivacyConfirmationsCarryTheConfiguredAddress() {
        publish(draft(unique("Hostile"), ""));
        String subscriber = unique("sub") + "@victim.example";
        String subject = unique("dsr") + "@victim.example";

        RawVisitor attacker = new RawVisitor(port, EVIL);
        assertThat(attacker.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", subscriber))).startsWith("HTTP/1.1 200");
        assertThat(attacker.postForm("/trust/privacy/request", "/trust/privacy/request", Map.of("law", "gdpr", "type", "access",
                "name", "Dora Subject", "email", subject, "details", "my account"))).startsWith("HTTP/1.1 200");

        String confirmSubscription = body(mailTo(subscriber, "Confirm"));
        assertThat(confirmSubscription).doesNotContain(EVIL).contains(ownBase() + "/trust/subscriptions/confirm");
        String confirmRequest = body(mailTo(subject, "Confirm your privacy request"));
        assertThat(confirmRequest).doesNotContain(EVIL).contains(ownBase() + "/trust/privacy/request/confirm");
    }

    @Test
    void feedSecurityTxtAndApiDescriptionIgnoreTheHostHeader() {
        publish(draft(unique("Hostile"), ""));
        RawVisitor attacker = new RawVisitor(port, EVIL);
        // Asked first with the hostile Host, so that a cache keyed by page alone would keep what it saw; then again once
        // the description is cached, since springdoc fills in the server of a cached description from each request.
        for (String path : new String[]{"/trust/subprocessors.atom", "/.well-known/security.txt", "/v3/api-docs"}) {
            String response = attacker.get(path);
            assertThat(response).as(path).startsWith("HTTP/1.1 200").doesNotContain(EVIL).contains(ownBase());
            assertThat(visitor.get(path).body()).as(path + " for the next visitor").doesNotContain(EVIL);
            assertThat(attacker.get(path)).as(path + " asked again").startsWith("HTTP/1.1 200").doesNotContain(EVIL);
        }
    }

    /**
     * A visitor speaking HTTP/1.1 over a socket, since Java's HTTP client will not send a Host header of
     * its own choosing. Keeps the session cookie and reads the CSRF token from a form page.
     */
    static final class RawVisitor {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern COOKIE = Pattern.compile("(?im)^Set-Cookie: ((?:JSESSIONID|SESSION)=[^;\\r\\n]+)");

        private final int port;
        private final String host;
        private String cookie;

        RawVisitor(int port, String host) {
            this.port = port;
            this.host = host;
        }

        String get(String path) {
            return exchange("GET " + path + " HTTP/1.1\r\n" + headers() + "\r\n");
        }

        String postForm(String pageWithForm, String path, Map<String, String> fields) {
            Matcher csrf = CSRF.matcher(get(pageWithForm));
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf.find() ? csrf.group(1) : "");
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return exchange("POST " + path + " HTTP/1.1\r\n" + headers() + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n" + body);
        }

        private String headers() {
            return "Host: " + host + "\r\nConnection: close\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n");
        }

        private String exchange(String request) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                // The first API description is generated on demand, which takes tens of seconds on a busy machine.
                socket.setSoTimeout(90_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                String response = all.toString(StandardCharsets.UTF_8);
                Matcher set = COOKIE.matcher(response);
                if (set.find()) {
                    cookie = set.group(1);
                }
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
