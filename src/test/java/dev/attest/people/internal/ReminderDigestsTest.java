package dev.attest.people.internal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminder digests through a real SMTP server (GreenMail): what is due or overdue, at most one a day per person. */
@AttestTest
class ReminderDigestsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    ReminderDigests digests;

    @Test
    void aPersonWithOverdueItemsGetsOneDigestADay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String late = "late." + run + "@example.test";
        String done = "future." + run + "@example.test";
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        api.postJson("/api/v1/people", "{\"name\":\"Lee Late\",\"email\":\"" + late + "\",\"startDate\":\""
                + LocalDate.now(ZoneOffset.UTC).minusDays(60) + "\"}");
        api.postJson("/api/v1/people", "{\"name\":\"Fay Future\",\"email\":\"" + done + "\",\"startDate\":\""
                + LocalDate.now(ZoneOffset.UTC).plusDays(90) + "\"}");

        digests.sendDigests();
        digests.sendDigests();

        MimeMessage[] toLate = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(late)).toArray(MimeMessage[]::new);
        assertThat(toLate).hasSize(1);
        assertThat(toLate[0].getSubject()).contains("overdue");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(toLate[0]);
        assertThat(body).contains("Security awareness training", "[overdue]", "/portal");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(done))).as("nothing due within a week").isEmpty();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
