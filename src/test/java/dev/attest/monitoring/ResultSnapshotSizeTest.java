package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run's snapshot of every result is evidence Attest writes itself: at a million resources it is far larger
 * than any upload, so the upload limit must not refuse it (it did, and the run answered 500). Here the limit is
 * 2 KB, and a snapshot of 300 results is well above it.
 */
@AttestTest
@TestPropertySource(properties = "attest.evidence.max-upload-size=2KB")
class ResultSnapshotSizeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFullRunKeepsASnapshotLargerThanTheUploadLimitWhileUploadsStayLimited() {
        ExtraAccounts.Account account = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, account.token());
        String type = "test.crate" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var check = api.postJson("/api/v1/checks", """
                {"key": "crate-sealed-%s", "title": "Crates are sealed", "resourceType": "%s", "severity": "low",
                 "controls": ["PH-06"], "expression": "resource.sealed == true"}""".formatted(type.substring(10), type));
        assertThat(check.status()).as(check.body()).isEqualTo(201);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add("{\"type\": \"%s\", \"id\": \"crate-%05d\", \"data\": {\"sealed\": %s}}".formatted(type, i, i % 7 != 0));
        }
        assertThat(api.postJson("/api/v1/resources", "{\"source\": \"crates\", \"resources\": [" + String.join(",", items) + "]}").status())
                .isEqualTo(202);

        var run = api.postJson("/api/v1/monitoring/evaluate", "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        var snapshots = api.get("/api/v1/evidence?kind=check-results&limit=100").json();
        List<Long> sizes = new ArrayList<>();
        snapshots.forEach(item -> {
            if (item.get("title").asText().startsWith("Check results snapshot")) {
                sizes.add(item.get("size").asLong());
            }
        });
        assertThat(sizes).as("the run's snapshot is kept").isNotEmpty();
        assertThat(sizes.get(0)).as("larger than the upload limit").isGreaterThan(2048);

        var upload = api.postMultipart("/api/v1/evidence", java.util.Map.of("title", "too big"), "big.txt", new byte[4096]);
        assertThat(upload.status()).isEqualTo(413);
    }
}
