package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Evaluate now" keeps evidence only of what changed, and the trend chart shows a first evaluation. */
@AttestTest
class EvaluateNowTest {

    @LocalServerPort
    int port;

    private int resultEvidence() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence?kind=check-results&limit=1000").json().size();
    }

    @Test
    void evaluatingTwiceWithNothingChangedAddsNoEvidenceTheSecondTime() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        assertThat(admin.postForm("/monitoring", "/monitoring/evaluate", Map.of(), Map.of()).status()).isEqualTo(302);
        int after = resultEvidence();
        assertThat(admin.postForm("/monitoring", "/monitoring/evaluate", Map.of(), Map.of()).status()).isEqualTo(302);
        assertThat(resultEvidence()).as("nothing changed between the two evaluations").isEqualTo(after);

        String page = admin.get("/monitoring").body();
        assertThat(page).contains("data-testid=\"trend-chart\"", "class=\"dot-pass\"", "text-anchor=\"start\"");
    }
}
