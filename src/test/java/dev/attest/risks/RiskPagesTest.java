package dev.attest.risks;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's pages as a browser without JavaScript sees them, and the htmx fragment. */
@AttestTest
class RiskPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static Map<String, String> form(String title, String owner) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "description", "", "category", "Operational", "owner", owner,
                "inherentLikelihood", "5", "inherentImpact", "4", "residualLikelihood", "2", "residualImpact", "2"));
        form.putAll(Map.of("treatment", "mitigate", "acceptanceApprover", "", "acceptanceExpiresOn", "", "controls", "GR-06 AC-01",
                "reviewedOn", ""));
        return form;
    }

    @Test
    void aRiskRecordedThroughTheFormAppearsInTheRegisterAndOnTheHeatMaps() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        Http.Response created = http.postForm("/risks/new", "/risks", form("Ransomware on file shares", ws.email()), Map.of());
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).contains("/risks/").endsWith("?saved");
        assertThat(http.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("Saved.", "Ransomware on file shares", "GR-06");

        Http.Response register = http.get("/risks");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body()).contains("Ransomware on file shares", "<svg", "data-heatmap=\"inherent\"", "data-heatmap=\"residual\"")
                .contains("data-cell=\"L5-I4\" data-count=\"1\"", "data-cell=\"L2-I2\" data-count=\"1\"")
                .doesNotContain("style=");

        Http.Response fragment = http.get("/risks?q=ransom", Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"results\"", "Ransomware on file shares");
        assertThat(http.get("/risks?q=nothing-like-it", Map.of("HX-Request", "true")).body()).contains("No risks recorded yet");
    }

    @Test
    void aRefusedFormComesBackWithFieldErrorsAndWhatWasTyped() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        Map<String, String> form = form("Typed title stays", ws.email());
        form.put("treatment", "accept");
        form.put("controls", "GR-06 NOPE-1");

        Http.Response refused = http.postForm("/risks/new", "/risks", form, Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"acceptanceApprover\"", "data-field=\"controls\"", "NOPE-1", "Typed title stays");
        assertThat(http.get("/risks").body()).doesNotContain("Typed title stays");
    }

    @Test
    void theImportPageListsErrorsByRowAndTheExportDownloads() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        String header = "title,category,owner,inherent_likelihood,inherent_impact,residual_likelihood,residual_impact,treatment\n";

        Http.Response refused = http.postForm("/risks/import", "/risks/import",
                Map.of("csv", header + "Fine,Ops," + ws.email() + ",1,1,1,1,avoid\n,Ops," + ws.email() + ",1,1,1,1,avoid\n"), Map.of());
        assertThat(refused.body()).contains("data-testid=\"import-errors\"", "Nothing was imported", "<td class=\"num\">3</td>", "title");

        Http.Response imported = http.postForm("/risks/import", "/risks/import", Map.of("csv", header + "Fine,Ops," + ws.email() + ",1,1,1,1,avoid\n"), Map.of());
        assertThat(imported.body()).contains("Imported: 1 created, 0 updated.");

        Http.Response csv = http.get("/risks/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Fine,,Ops," + ws.email());
    }

    @Test
    void theYearlyAssessmentIsRecordedFromTheRegisterPage() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        Http.Response refused = http.postForm("/risks", "/risks/assessments", Map.of("assessedOn", "", "summary", ""), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("give a date as YYYY-MM-DD", "say what the assessment found");

        Http.Response recorded = http.postForm("/risks", "/risks/assessments",
                Map.of("assessedOn", "2026-03-31", "summary", "Twelve risks rated, three new"), Map.of());
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(http.get("/risks").body()).contains("Twelve risks rated, three new", "2026-03-31");
    }

    @Test
    void anEmployeeIsRefusedTheRegisterPage() {
        ExtraAccounts.Account employee = ExtraAccounts.inDefaultWorkspace(jdbc, "employee");
        Http http = Http.signedIn(port, employee.email(), ExtraAccounts.PASSWORD);

        assertThat(http.get("/risks").status()).isEqualTo(403);
    }

    @Test
    void aRiskIsMarkedReviewedAndRemovedFromItsPage() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        Map<String, String> form = form("Old risk", ws.email());
        form.put("reviewedOn", "2025-01-02");
        String page = http.postForm("/risks/new", "/risks", form, Map.of()).header("Location").replaceFirst("^https?://[^/]+", "")
                .replace("?saved", "");
        assertThat(http.get(page).body()).contains("2026-01-02");

        assertThat(http.postForm(page, page + "/review", Map.of(), Map.of()).status()).isEqualTo(302);
        assertThat(http.get(page).body()).contains(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1).toString());

        assertThat(http.postForm(page, page + "/delete", Map.of(), Map.of()).status()).isEqualTo(302);
        assertThat(http.get(page).status()).isEqualTo(404);
    }
}
