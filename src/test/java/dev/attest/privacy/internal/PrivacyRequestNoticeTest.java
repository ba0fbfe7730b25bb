package dev.attest.privacy.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import dev.attest.web.PublicFormLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A verified public privacy request is emailed to the admins, by reference and without the requester's data. */
class PrivacyRequestNoticeTest extends MailAndClockTest {

    private static final Pattern LINK = Pattern.compile("http://[^\\s]+(/trust/privacy/request/confirm\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    PublicFormLimits limits;

    @Test
    void theAdminIsEmailedOnceTheRequesterConfirms() throws Exception {
        limits.clear();
        String email = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Http visitor = Http.anonymous(port);
        Map<String, String> fields = new HashMap<>(Map.of("law", "gdpr", "type", "deletion", "name", "Grace Hopper", "email", email,
                "details", "old account", "website", ""));
        assertThat(visitor.postForm("/trust/privacy/request", fields).status()).isEqualTo(200);
        long before = mailTo(AttestTest.ADMIN_EMAIL).stream().filter(m -> subject(m).startsWith("Privacy request")).count();

        MAIL.waitForIncomingEmail(5000, 1);
        Matcher link = LINK.matcher(body(mailTo(email).get(0)));
        assertThat(link.find()).isTrue();
        assertThat(visitor.postForm(link.group(1), link.group(1).replaceFirst("\\?.*", ""),
                Map.of("token", link.group(1).replaceFirst(".*token=", "")), Map.of()).status()).isEqualTo(200);

        long deadline = System.currentTimeMillis() + 10_000;
        while (mailTo(AttestTest.ADMIN_EMAIL).stream().filter(m -> subject(m).startsWith("Privacy request")).count() == before
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        var notice = mailTo(AttestTest.ADMIN_EMAIL).stream().filter(m -> subject(m).startsWith("Privacy request")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no email to the admin"));
        assertThat(body(notice)).contains("deletion request under GDPR", "/privacy/requests/").doesNotContain(email, "Grace Hopper");
        limits.clear();
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
