package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control's history through the API and on its page: owner and status changes from the audit trail,
 * its check's failures and recoveries, evidence and attestations, newest first with who and when, paged.
 */
class ControlHistoryTest extends MailAndClockTest {

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void theHistoryListsChangesCheckFlipsEvidenceAndAttestationsNewestFirstInPages() {
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        ExtraAccounts.Account owner = ExtraAccounts.inDefaultWorkspace(jdbc, "control_owner");
        Http asOwner = Http.withToken(port, owner.token());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String type = "test.intel" + suffix;

        assertThat(admin.get("/api/v1/controls/GR-11/history").json().get("entries").size()).isZero();
        Http.Response assigned = admin.patchJson("/api/v1/controls/GR-11", "{\"status\":\"implemented\",\"owner\":\"" + owner.email() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));
        Http.Response check = admin.postJson("/api/v1/checks", """
                {"key": "intel-feeds-%s", "title": "Threat feeds subscribed", "resourceType": "%s", "severity": "low",
                 "controls": ["GR-11"], "expression": "resource.feeds > 0"}""".formatted(suffix, type));
        assertThat(check.status()).as(check.body()).isEqualTo(201);
        push(admin, type, 0);
        CLOCK.advance(Duration.ofMinutes(1));
        push(admin, type, 3);
        CLOCK.advance(Duration.ofMinutes(1));
        Http.Response uploaded = asOwner.postMultipart("/api/v1/evidence", Map.of("title", "Weekly intel digest " + suffix, "controls", "GR-11"),
                "digest.txt", "CVE digest\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        CLOCK.advance(Duration.ofMinutes(1));
        Http.Response attested = asOwner.postJson("/api/v1/evidence/attestations",
                "{\"control\":\"GR-11\",\"comment\":\"Read this week's digest and filed two tickets\"}");
        assertThat(attested.status()).as(attested.body()).isEqualTo(201);

        JsonNode all = admin.get("/api/v1/controls/GR-11/history?size=50").json();
        assertThat(all.get("more").asBoolean()).isFalse();
        List<String> lines = new ArrayList<>();
        for (JsonNode e : all.get("entries")) {
            lines.add(e.get("kind").asText() + " | " + e.get("actor").asText() + " | " + e.get("summary").asText());
        }
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("attestation | " + owner.email() + " | attested: Attestation of GR-11");
        assertThat(lines.get(1)).startsWith("evidence | " + owner.email()).endsWith(" | upload added: Weekly intel digest " + suffix);
        assertThat(lines.get(2)).isEqualTo("check | system | Threat feeds subscribed: passing again on feeds-1");
        assertThat(lines.get(3)).isEqualTo("check | system | Threat feeds subscribed: failing on feeds-1");
        assertThat(lines.get(4)).startsWith("change | " + AttestTest.ADMIN_EMAIL)
                .endsWith("status not_started -> implemented; owner nobody -> " + owner.email());

        // Pages of two, put together, are the whole history in the same order.
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode p = admin.get("/api/v1/controls/GR-11/history?size=2&page=" + page).json();
            assertThat(p.get("more").asBoolean()).isEqualTo(page < 2);
            p.get("entries").forEach(e -> paged.add(e.get("summary").asText()));
        }
        assertThat(paged).containsExactlyElementsOf(all.get("entries").findValuesAsString("summary"));

        // The page shows the first page, and htmx fetches the next one as a fragment.
        Http signedIn = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String page = signedIn.get("/controls/GR-11").body();
        assertThat(page).contains("data-testid=\"history\"").contains("upload added: Weekly intel digest " + suffix)
                .contains("owner nobody -&gt; " + owner.email());
        Http.Response fragment = signedIn.get("/controls/GR-11/history?page=0", Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("Threat feeds subscribed: failing on feeds-1");
        assertThat(signedIn.get("/controls/GR-11/history").body()).contains("<html").contains("History of");
    }

    @Test
    void aPageOrSizeThatIsNotAWholeNumberInRangeIsA400NamingIt() {
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        for (String query : List.of("page=abc", "page=-1", "page=101")) {
            Http.Response refused = admin.get("/api/v1/controls/GR-11/history?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.body()).as(query).contains("page");
        }
        for (String query : List.of("size=0", "size=101", "size=ten")) {
            Http.Response refused = admin.get("/api/v1/controls/GR-11/history?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.body()).as(query).contains("size");
        }
        assertThat(admin.get("/api/v1/controls/NO-99/history").status()).isEqualTo(404);
    }

    private static void push(Http api, String type, int feeds) {
        Http.Response pushed = api.postJson("/api/v1/resources", """
                {"source": "test", "resources": [{"type": "%s", "id": "feeds-1", "data": {"feeds": %d}}]}""".formatted(type, feeds));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
    }
}
