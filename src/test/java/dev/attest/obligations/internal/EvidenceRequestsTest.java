package dev.attest.obligations.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence requests: the owner of a control gets the request on their calendar, an email before it is
 * due, and uploading the evidence closes it until the evidence's window runs out.
 */
class EvidenceRequestsTest extends MailAndClockTest {

    @Autowired
    ObligationReminders reminders;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private static List<JsonNode> requestsFor(Http owner, String control) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : owner.get("/api/v1/obligations?mine=true").json()) {
            JsonNode o = entry.get("obligation");
            if (o.get("kind").asText().equals("evidence-request") && o.get("title").asText().startsWith("Evidence for " + control + " ")) {
                found.add(o);
            }
        }
        return found;
    }

    @Test
    void theOwnerIsAskedForEvidenceRemindedByEmailAndTheUploadClosesTheRequest() throws Exception {
        TestMember owner = memberWith("control_owner", defaultWorkspace());
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        Http.Response assigned = admin.patchJson("/api/v1/controls/AM-09", "{\"status\":\"implemented\",\"owner\":\"" + owner.email() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Http asOwner = Http.withToken(port, owner.token());

        List<JsonNode> requests = requestsFor(asOwner, "AM-09");
        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.get("path").asText()).isEqualTo("/evidence?control=AM-09");
        Instant due = Instant.parse(request.get("due").asText());
        assertThat(due).isBetween(Instant.now().plus(Duration.ofDays(13)), Instant.now().plus(Duration.ofDays(15)));

        // A week ahead of the due date the owner gets one email with a link to where the evidence goes.
        CLOCK.advance(Duration.ofDays(8));
        reminders.send();
        reminders.send();
        var mails = mailTo(owner.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("Due soon: Evidence for AM-09 Asset return on termination");
        assertThat(body(mails.get(0))).contains("http://localhost:" + port + "/evidence?control=AM-09");

        Http.Response uploaded = asOwner.postMultipart("/api/v1/evidence", Map.of("title", "Laptop returns, leavers of Q4", "controls", "AM-09"),
                "returns.csv", "email,returned\nleaver@example.com,yes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        // The request for this period is closed; the next falls due when the new evidence's window (a year) ends.
        List<JsonNode> after = requestsFor(asOwner, "AM-09");
        assertThat(after).hasSize(1);
        assertThat(Instant.parse(after.get(0).get("due").asText())).isAfter(Instant.now().plus(Duration.ofDays(8 + 360)));
        assertThat(asOwner.get("/api/v1/evidence/freshness/AM-09").json().get("state").asText()).isEqualTo("fresh");
    }

    @Test
    void theOwnerIsRemindedFourteenDaysBeforeTheEvidenceLapses() throws Exception {
        TestMember owner = memberWith("control_owner", defaultWorkspace());
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        assertThat(admin.patchJson("/api/v1/controls/NS-08", "{\"owner\":\"" + owner.email() + "\"}").status()).isEqualTo(200);
        Http asOwner = Http.withToken(port, owner.token());
        Http.Response uploaded = asOwner.postMultipart("/api/v1/evidence", Map.of("title", "Firewall rule review, Q3", "controls", "NS-08"),
                "rules.csv", "rule,kept\nallow-443,yes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        Instant due = Instant.parse(requestsFor(asOwner, "NS-08").get(0).get("due").asText());

        // Seventeen days ahead of the quarterly window's end: nothing yet.
        CLOCK.advance(Duration.between(Instant.now(), due).minus(Duration.ofDays(17)));
        reminders.send();
        assertThat(mailTo(owner.email())).isEmpty();

        // Twelve days ahead: within the fourteen days, one email however often the job runs.
        CLOCK.advance(Duration.ofDays(5));
        reminders.send();
        reminders.send();
        var mails = mailTo(owner.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("Due soon: Evidence for NS-08 Firewall rule review");
        assertThat(body(mails.get(0))).contains("/evidence?control=NS-08");
    }
}
