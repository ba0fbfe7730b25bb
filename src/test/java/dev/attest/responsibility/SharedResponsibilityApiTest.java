package dev.attest.responsibility;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Assigning controls to providers and customers, and the SOC 2 complementary controls that follow, as an admin and an auditor see them. */
@AttestTest
class SharedResponsibilityApiTest {

    @LocalServerPort
    int port;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private String vendor(String name) {
        HttpResponse<String> response = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", """
                {"name":"%s","website":"https://cloud.example","purpose":"Hosting","data":["personal"],"countries":["us"],
                 "subprocessor":true}""".formatted(name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body()).get("id").asString();
    }

    @Test
    void complementaryControlsFollowFromWhoCarriesEachControl() throws Exception {
        String name = "Hyperscaler " + UUID.randomUUID().toString().substring(0, 6);
        String provider = vendor(name);
        Http.Response assigned = api().putJson("/api/v1/responsibility/PH-01", """
                {"party":"provider","providerId":"%s","providerDuty":"Restricts physical access to its data centres to authorised staff"}"""
                .formatted(provider));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("providerName").asString()).isEqualTo(name);
        String guidance = "Set the retention period of your query logs " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api().putJson("/api/v1/responsibility/DP-03", """
                {"party":"customer","customerGuidance":"%s"}""".formatted(guidance)).status()).isEqualTo(200);

        JsonNode criteria = api().get("/api/v1/responsibility/complementary-controls").json();
        boolean cuec = false;
        boolean csoc = false;
        for (JsonNode criterion : criteria) {
            for (JsonNode u : criterion.get("userEntity")) {
                cuec |= u.get("guidance").asString().equals(guidance);
            }
            for (JsonNode s : criterion.get("subservice")) {
                csoc |= s.get("provider").asString().equals(name) && s.get("control").asString().equals("PH-01");
            }
        }
        assertThat(cuec).as("the customer's part is a CUEC of the criteria DP-03 serves").isTrue();
        assertThat(csoc).as("the provider's part is a CSOC").isTrue();

        Http.Response csv = api().get("/api/v1/responsibility/complementary-controls.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("criterion,criterion_title,type,control").contains("CUEC,DP-03").contains(guidance)
                .contains("CSOC,PH-01").contains(name);
        byte[] pdf = api().getBytes("/api/v1/responsibility/complementary-controls.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Complementary controls (SOC 2)").contains("CUEC DP-03").contains("CSOC PH-01, " + name);
        }
        Http.Response matrix = api().get("/api/v1/responsibility/matrix.csv");
        assertThat(matrix.body()).contains("DP-03,").contains(",customer,").contains(guidance);

        // an auditor reads, and cannot assign
        assertThat(api().get("/api/v1/responsibility/DP-03").json().get("party").asString()).isEqualTo("customer");
    }

    @Test
    void badAssignmentsAreRefusedNamingTheFieldAndChangeNothing() {
        String before = api().get("/api/v1/responsibility/NS-01").body();
        Http.Response party = api().putJson("/api/v1/responsibility/NS-01", "{\"party\":\"somebody\"}");
        assertThat(party.status()).isEqualTo(400);
        assertThat(party.body()).contains("party");
        Http.Response noProvider = api().putJson("/api/v1/responsibility/NS-01", "{\"party\":\"provider\"}");
        assertThat(noProvider.status()).isEqualTo(400);
        assertThat(noProvider.body()).contains("providerId");
        Http.Response unknownProvider = api().putJson("/api/v1/responsibility/NS-01",
                "{\"party\":\"shared\",\"providerId\":\"" + UUID.randomUUID() + "\",\"customerGuidance\":\"x\"}");
        assertThat(unknownProvider.status()).isEqualTo(400);
        assertThat(unknownProvider.body()).contains("providerId").contains("vendor register");
        Http.Response noGuidance = api().putJson("/api/v1/responsibility/NS-01", "{\"party\":\"customer\"}");
        assertThat(noGuidance.status()).isEqualTo(400);
        assertThat(noGuidance.body()).contains("customerGuidance");
        assertThat(api().putJson("/api/v1/responsibility/XX-99", "{\"party\":\"company\"}").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/responsibility/NS-01").body()).isEqualTo(before);
    }
}
