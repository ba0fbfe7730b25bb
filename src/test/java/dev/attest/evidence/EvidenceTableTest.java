package dev.attest.evidence;

import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence list as a table: paged by the database with counts, sorted by its headers, an empty state, and a CSV that follows the filters. */
@AttestTest
class EvidenceTableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLocker evidence;

    @Test
    void theListPagesSortsAndExportsWhatItShows() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        assertThat(browser.get("/evidence").body()).contains("data-testid=\"empty-state\"", "No evidence yet", "data-testid=\"evidence-count\">0<");

        WorkspaceId workspace = new WorkspaceId(ws.workspaceId());
        for (int i = 1; i <= 51; i++) {
            String kind = i % 2 == 0 ? "upload" : "check-results";
            // linked to no control: an item linked to one also brings its freshness check's run into the ledger, a moment later
            evidence.add(workspace, new NewEvidence(kind, "Item %02d".formatted(i), null, "text/plain", List.of(), null,
                    "system"), ("item " + i).getBytes(StandardCharsets.UTF_8));
        }

        var first = browser.get("/evidence").body();
        assertThat(first).contains("data-testid=\"count\">1–50 of 51<", "rel=\"next\"", ">Item 51<").doesNotContain(">Item 01<");
        var byTitle = browser.get("/evidence?sort=title").body();
        assertThat(byTitle).contains(">Item 01<", "aria-sort=\"ascending\"").doesNotContain(">Item 51<");
        assertThat(browser.get("/evidence?sort=nope&dir=x&page=99").body()).contains("51–51 of 51");
        assertThat(browser.get("/evidence?kind=upload").body()).contains("data-testid=\"evidence-count\">25<");
        assertThat(browser.get("/evidence?control=AC-99").body()).contains("No evidence matches these filters", "Show all evidence");

        assertThat(browser.get("/evidence?kind=upload&sort=title&dir=desc").body())
                .contains("href=\"/evidence/export?kind=upload&amp;sort=title&amp;dir=desc\"");
        var csv = browser.get("/evidence/export?kind=upload&sort=title&dir=desc");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,title,filename,kind,media_type,size_bytes,sha256,controls,collected_by,collected_at,valid_until,ledger_seq");
        assertThat(lines).hasSize(26);
        assertThat(lines.get(1)).contains(",Item 50,", ",upload,");
        evidence.add(workspace, new NewEvidence("upload", "Item for AC-06", null, "text/plain", List.of("AC-06"), null, "system"),
                "linked".getBytes(StandardCharsets.UTF_8));
        assertThat(browser.get("/evidence/export?control=AC-06").body().split("\r\n")).hasSize(2);
    }
}
