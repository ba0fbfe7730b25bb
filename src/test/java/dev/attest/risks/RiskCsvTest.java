package dev.attest.risks;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV import (all or nothing, errors by row and column) and export, in a workspace of the test's own. */
@AttestTest
class RiskCsvTest {

    static final String HEADER = "title,description,category,owner,inherent_likelihood,inherent_impact,residual_likelihood,"
            + "residual_impact,treatment,acceptance_approver,acceptance_expires_on,controls,reviewed_on\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesEveryProblem() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String csv = HEADER
                + "Good one,,Ops," + ws.email() + ",3,3,2,2,mitigate,,,GR-06,2026-01-01\n"
                + "Bad one,,Ops,stranger@example.test,9,3,2,2,accept,,,XX-01,\n";

        Http.Response response = api.post("/api/v1/risks/import", "text/csv", csv);

        assertThat(response.status()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        response.json().get("errors").forEach(e -> problems.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(problems).containsExactlyInAnyOrder("3:owner", "3:inherent_likelihood", "3:acceptance_approver",
                "3:acceptance_expires_on", "3:controls");
        assertThat(api.get("/api/v1/risks").json().size()).isZero();
    }

    @Test
    void aMissingColumnRefusesTheFile() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http.Response response = Http.withToken(port, ws.token()).post("/api/v1/risks/import", "text/csv", "title,owner\nA,b\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"row\":1", "category", "treatment");
    }

    @Test
    void exportedFileImportsBackAsUpdatesAndNewRowsAsNewRisks() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String csv = HEADER
                + "\"Data centre fire, primary\",\"Quoted, with comma\",Physical," + ws.email() + ",2,5,1,5,transfer,,,BC-01;GR-06,2026-02-01\n"
                + "=cmd|' /C calc'!A0,,Ops," + ws.email() + ",3,3,3,3,accept,CEO,2027-01-31,,\n";

        Http.Response imported = api.post("/api/v1/risks/import", "text/csv", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);

        Http.Response export = api.get("/api/v1/risks/export.csv");
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.body()).startsWith("id,title,description,category,owner")
                .contains("\"Data centre fire, primary\"", "BC-01;GR-06")
                .contains("'=cmd"); // a formula is never exported as one

        String edited = export.body().replace(",transfer,", ",avoid,")
                + ",New from sheet,,Ops," + ws.email() + ",1,1,1,1,avoid,,,,\r\n";
        Http.Response again = api.post("/api/v1/risks/import", "text/csv", edited);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isEqualTo(1);
        assertThat(again.json().get("updated").asInt()).isEqualTo(2);

        JsonNode risks = api.get("/api/v1/risks").json();
        assertThat(risks.size()).isEqualTo(3);
        List<String> titles = new ArrayList<>();
        risks.forEach(r -> titles.add(r.get("title").asString() + "/" + r.get("treatment").asString()));
        assertThat(titles).contains("Data centre fire, primary/avoid", "=cmd|' /C calc'!A0/accept", "New from sheet/avoid");
    }

    @Test
    void anUnknownIdInTheFileIsAnError() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        String csv = "id," + HEADER + "00000000-0000-0000-0000-000000000001,T,,Ops," + ws.email() + ",1,1,1,1,avoid,,,,\n";

        Http.Response response = Http.withToken(port, ws.token()).post("/api/v1/risks/import", "text/csv", csv);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(response.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
    }
}
