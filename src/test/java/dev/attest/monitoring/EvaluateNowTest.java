package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Evaluate now" keeps evidence only of what changed, and the trend chart shows a first evaluation. */
@AttestTest
class EvaluateNowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /**
     * Waits (at most 30 s) until the events and connection runs of the last two minutes are done: evidence and
     * resources follow events after the request that caused them has answered, a run writes its results when
     * it ends, and what an earlier test started must not land between the two evaluations.
     */
    private void settle() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until && (pending("select count(*) from event_publication where completion_date is null and publication_date > ?")
                || pending("select count(*) from monitoring_run where status = 'running' and started_at > ?"))) {
            Thread.sleep(50);
        }
    }

    private boolean pending(String countSince) {
        return jdbc.sql(countSince).param(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2)).query(Integer.class).single() > 0;
    }

    private int resultEvidence() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence?kind=check-results&limit=1000").json().size();
    }

    @Test
    void evaluatingTwiceWithNothingChangedAddsNoEvidenceTheSecondTime() throws InterruptedException {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        settle();
        // The first evaluation may find what earlier tests left (results a run wrote, a first snapshot); the two
        // after it have nothing new between them.
        assertThat(admin.postForm("/monitoring", "/monitoring/evaluate", Map.of(), Map.of()).status()).isEqualTo(302);
        settle();
        assertThat(admin.postForm("/monitoring", "/monitoring/evaluate", Map.of(), Map.of()).status()).isEqualTo(302);
        settle();
        int after = resultEvidence();
        assertThat(admin.postForm("/monitoring", "/monitoring/evaluate", Map.of(), Map.of()).status()).isEqualTo(302);
        settle();
        assertThat(resultEvidence()).as("nothing changed between the two evaluations").isEqualTo(after);

        String page = admin.get("/monitoring").body();
        assertThat(page).contains("data-testid=\"trend-chart\"", "class=\"dot-pass\"", "text-anchor=\"start\"");
    }
}
