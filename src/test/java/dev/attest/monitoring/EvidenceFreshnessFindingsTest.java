package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence freshness and attestations open findings like checks do: evidence past the control's window
 * opens a finding owned by the control's owner once monitoring runs, the control turns failing, and
 * the owner's attestation closes it again.
 */
class EvidenceFreshnessFindingsTest extends MailAndClockTest {

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void lapsedEvidenceOpensAFindingForTheOwnerAndAnAttestationClosesIt() {
        TestMember owner = memberWith("control_owner", defaultWorkspace());
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        Http asOwner = Http.withToken(port, owner.token());
        Http.Response assigned = admin.patchJson("/api/v1/controls/SD-11", "{\"status\":\"implemented\",\"owner\":\"" + owner.email() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

        Http.Response uploaded = asOwner.postMultipart("/api/v1/evidence", Map.of("title", "Masking job configuration", "controls", "SD-11"),
                "masking.txt", "staging refresh masks email, name, address\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode resource = eventually(() -> first(admin.get("/api/v1/resources?type=evidence.freshness.sd_11").json()));
        assertThat(resource.get("id").asText()).isEqualTo("SD-11");
        assertThat(findings(admin, "open")).isEmpty();
        assertThat(admin.get("/api/v1/controls/SD-11").json().get("testStatus").asText()).isEqualTo("passing");

        // A day past the quarterly window the next run opens one finding, owned by the control's owner.
        CLOCK.advance(Duration.ofDays(93));
        assertThat(admin.get("/api/v1/controls/SD-11").json().get("testStatus").asText()).isEqualTo("needs_evidence");
        Http.Response run = admin.postJson("/api/v1/monitoring/evaluate", "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode open = findings(admin, "open");
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).get("checkKey").asText()).isEqualTo("evidence-fresh-sd-11");
        assertThat(open.get(0).get("owner").asText()).isEqualTo(owner.email());
        assertThat(open.get(0).get("controlKey").asText()).isEqualTo("SD-11");
        assertThat(admin.get("/api/v1/controls/SD-11").json().get("testStatus").asText()).isEqualTo("failing");
        JsonNode mine = admin.get("/api/v1/findings?owner=" + owner.email()).json();
        assertThat(mine.toString()).contains("evidence-fresh-sd-11");

        Http.Response page = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD).get("/controls/SD-11");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lapsed").contains("failing");

        // The owner attests: the finding closes without waiting for the next scheduled run.
        Http.Response attested = asOwner.postJson("/api/v1/evidence/attestations",
                "{\"control\":\"SD-11\",\"comment\":\"Checked the masking job's last three runs in staging\"}");
        assertThat(attested.status()).as(attested.body()).isEqualTo(201);
        eventually(() -> findings(admin, "open").isEmpty() ? Boolean.TRUE : null);
        JsonNode closed = findings(admin, "closed");
        assertThat(closed.size()).isEqualTo(1);
        assertThat(closed.get(0).get("closedAt").isNull()).isFalse();
        assertThat(admin.get("/api/v1/controls/SD-11").json().get("testStatus").asText()).isEqualTo("passing");
    }

    @Test
    void aControlWithoutAnyEvidenceOpensNoFreshnessFinding() {
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        CLOCK.advance(Duration.ofDays(400));
        assertThat(admin.postJson("/api/v1/monitoring/evaluate", "{}").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/resources?type=evidence.freshness.bc_09").json().size()).isZero();
        assertThat(admin.get("/api/v1/findings?check=evidence-fresh-bc-09").json().size()).isZero();
    }

    private static JsonNode findings(Http api, String status) {
        return api.get("/api/v1/findings?check=evidence-fresh-sd-11&status=" + status).json();
    }

    private static JsonNode first(JsonNode list) {
        return list.isEmpty() ? null : list.get(0);
    }

    // The freshness resource follows the evidence through an event listener after the upload commits.
    private static <T> T eventually(Supplier<T> probe) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within 30 s");
    }
}
