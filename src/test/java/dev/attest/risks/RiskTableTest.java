package dev.attest.risks;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk register as a table: sorted and paged by the database with counts, an empty state, and a CSV that follows the search. */
@AttestTest
class RiskTableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final String HEADER = "title,category,owner,inherent_likelihood,inherent_impact,residual_likelihood,residual_impact,treatment\n";

    @Test
    void anEmptyRegisterSaysToRecordARisk() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        assertThat(browser.get("/risks").body()).contains("data-testid=\"empty-state\"", "href=\"/risks/new\"", "data-testid=\"risk-count\">0<")
                .doesNotContain("data-testid=\"pager\"");
    }

    @Test
    void theRegisterPagesWithCountsAndSortsByScoreInTheDatabase() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 53; i++) {
            int likelihood = i == 9 ? 5 : 1;
            csv.append("Risk %02d,Ops,%s,%d,5,1,1,mitigate\n".formatted(i, ws.email(), likelihood));
        }
        Http api = Http.withToken(port, ws.token());
        assertThat(api.post("/api/v1/risks/import", "text/csv", csv.toString()).status()).isEqualTo(200);
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        var first = browser.get("/risks").body();
        assertThat(first).contains("data-testid=\"count\">1–50 of 53<", "data-testid=\"risk-count\">53<", "rel=\"next\"")
                .contains("data-cell=\"L1-I5\" data-count=\"52\"", "data-cell=\"L5-I5\" data-count=\"1\"");
        var last = browser.get("/risks?page=2").body();
        assertThat(last).contains("51–53 of 53", ">Risk 53<").doesNotContain(">Risk 01<");
        var byInherent = browser.get("/risks?sort=inherent&dir=desc").body();
        assertThat(byInherent.indexOf(">Risk 09<")).isLessThan(byInherent.indexOf(">Risk 01<"));
        var nonsense = browser.get("/risks?sort=nope&dir=up&page=x");
        assertThat(nonsense.status()).isEqualTo(200);
        assertThat(nonsense.body()).contains("1–50 of 53");
        assertThat(browser.get("/risks?q=risk%205").body()).contains("data-testid=\"risk-count\">4<");
    }

    @Test
    void theCsvFollowsTheSearchAndTheOrderAndStillImports() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        api.post("/api/v1/risks/import", "text/csv", HEADER + "Laptop theft,Physical," + ws.email() + ",3,3,1,1,mitigate\n"
                + "Lost backup tapes,Physical," + ws.email() + ",2,4,1,1,transfer\n" + "Phishing,People," + ws.email() + ",4,4,2,2,mitigate\n");
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        assertThat(browser.get("/risks?q=physical&sort=title&dir=desc").body())
                .contains("href=\"/risks/export.csv?q=physical&amp;sort=title&amp;dir=desc\"");
        var csv = browser.get("/risks/export.csv?q=physical&sort=title&dir=desc");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("Lost backup tapes");
        assertThat(lines.get(2)).contains("Laptop theft");
        assertThat(browser.get("/risks/export.csv").body().split("\r\n")).hasSize(4);

        var again = api.post("/api/v1/risks/import", "text/csv", csv.body());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("updated").asInt()).isEqualTo(2);
    }
}
