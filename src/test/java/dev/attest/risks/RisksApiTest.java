package dev.attest.risks;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk register through its API: a real HTTP client, the bootstrap admin token, the real database. */
@AttestTest
class RisksApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http api;

    @BeforeEach
    void client() {
        api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String title, String extra) {
        Http.Response response = api.postJson("/api/v1/risks", """
                {"title": "%s", "category": "Operational", "owner": "admin@localhost",
                 "inherentLikelihood": 4, "inherentImpact": 5, "residualLikelihood": 2, "residualImpact": 3,
                 "treatment": "mitigate", "controls": ["GR-06", "ir-01"]%s}""".formatted(title, extra));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void recordsARiskWithItsScoresControlsAndNextReview() {
        String title = unique("Laptop theft");
        JsonNode risk = create(title, "");

        assertThat(risk.get("inherentScore").asInt()).isEqualTo(20);
        assertThat(risk.get("inherentLevel").asString()).isEqualTo("critical");
        assertThat(risk.get("residualScore").asInt()).isEqualTo(6);
        assertThat(risk.get("residualLevel").asString()).isEqualTo("medium");
        assertThat(risk.get("controls").toString()).isEqualTo("[\"GR-06\",\"IR-01\"]");
        assertThat(risk.get("reviewedOn").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(risk.get("nextReviewOn").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());

        JsonNode read = api.get("/api/v1/risks/" + risk.get("id").asString()).json();
        assertThat(read.get("title").asString()).isEqualTo(title);
        assertThat(api.get("/api/v1/risks").body()).contains(title);
    }

    @Test
    void badInputNamesEachFieldAndSavesNothing() {
        String title = unique("Refused");
        Http.Response response = api.postJson("/api/v1/risks", """
                {"title": "%s", "category": "", "owner": "nobody@example.test", "inherentLikelihood": 6, "inherentImpact": "high",
                 "residualLikelihood": 0, "residualImpact": 2, "treatment": "ignore", "controls": ["GR-06", "ZZ-99"],
                 "reviewedOn": "2026-13-01"}""".formatted(title));

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("category", "owner", "inherentLikelihood", "inherentImpact",
                "residualLikelihood", "treatment", "controls", "reviewedOn");
        assertThat(response.body()).contains("ZZ-99");
        assertThat(api.get("/api/v1/risks").body()).doesNotContain(title);
    }

    @Test
    void anAcceptedRiskNeedsAnApproverAndAnExpiry() {
        Http.Response refused = api.postJson("/api/v1/risks", """
                {"title": "Accepted", "category": "Legal", "owner": "admin@localhost", "inherentLikelihood": 2, "inherentImpact": 2,
                 "residualLikelihood": 2, "residualImpact": 2, "treatment": "accept"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("acceptanceApprover", "acceptanceExpiresOn");

        JsonNode accepted = create(unique("Accepted"), """
                , "treatment": "accept", "acceptanceApprover": "CFO", "acceptanceExpiresOn": "2027-06-30\"""");
        assertThat(accepted.get("treatment").asString()).isEqualTo("accept");
        assertThat(accepted.get("acceptanceExpiresOn").asString()).isEqualTo("2027-06-30");
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndUnknownFieldsAreRefused() {
        JsonNode risk = create(unique("Vendor outage"), "");
        String path = "/api/v1/risks/" + risk.get("id").asString();

        Http.Response patched = api.patchJson(path, "{\"residualLikelihood\": 1, \"treatment\": \"transfer\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("residualScore").asInt()).isEqualTo(3);
        assertThat(patched.json().get("treatment").asString()).isEqualTo("transfer");
        assertThat(patched.json().get("inherentScore").asInt()).isEqualTo(20);

        Http.Response unknown = api.patchJson(path, "{\"severity\": 3}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
    }

    @Test
    void aRiskOfAnotherWorkspaceIsNotFound() {
        JsonNode risk = create(unique("Ours"), "");
        ExtraAccounts.Account other = ExtraAccounts.inNewWorkspace(jdbc);
        Http them = Http.withToken(port, other.token());

        assertThat(them.get("/api/v1/risks/" + risk.get("id").asString()).status()).isEqualTo(404);
        assertThat(them.patchJson("/api/v1/risks/" + risk.get("id").asString(), "{\"title\": \"theirs\"}").status()).isEqualTo(404);
        assertThat(them.get("/api/v1/risks").body()).doesNotContain(risk.get("id").asString());
    }

    @Test
    void anEmployeeCannotReadOrWriteTheRegister() {
        ExtraAccounts.Account employee = ExtraAccounts.inDefaultWorkspace(jdbc, "employee");
        Http http = Http.withToken(port, employee.token());

        assertThat(http.get("/api/v1/risks").status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/risks", "{}").status()).isEqualTo(403);
    }

    @Test
    void theHeatMapCountsRisksInTheirCells() {
        ExtraAccounts.Account other = ExtraAccounts.inNewWorkspace(jdbc);
        Http them = Http.withToken(port, other.token());
        for (int i = 0; i < 2; i++) {
            assertThat(them.postJson("/api/v1/risks", """
                    {"title": "R%d", "category": "Ops", "owner": "%s", "inherentLikelihood": 4, "inherentImpact": 5,
                     "residualLikelihood": 2, "residualImpact": 3, "treatment": "mitigate"}""".formatted(i, other.email())).status())
                    .isEqualTo(201);
        }
        JsonNode map = them.get("/api/v1/risks/heatmap").json();

        assertThat(map.get("inherent").get(3).get(4).asInt()).isEqualTo(2);
        assertThat(map.get("residual").get(1).get(2).asInt()).isEqualTo(2);
        assertThat(map.get("residual").get(0).get(0).asInt()).isZero();
    }

    @Test
    void theYearlyAssessmentIsRecordedWithDateAndSummary() {
        String summary = unique("Assessment found");
        Http.Response recorded = api.postJson("/api/v1/risks/assessments", "{\"assessedOn\": \"2026-01-15\", \"summary\": \"" + summary + "\"}");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/risks/assessments").body()).contains(summary, "2026-01-15");

        Http.Response refused = api.postJson("/api/v1/risks/assessments", "{\"assessedOn\": \"2999-01-01\", \"summary\": \" \"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("assessedOn", "summary");
    }
}
