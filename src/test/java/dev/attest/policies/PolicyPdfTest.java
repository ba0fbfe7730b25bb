package dev.attest.policies;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A compliance lead publishes all twenty policies and exports them, one by one and as a set with contents. */
@AttestTest
class PolicyPdfTest {

    @LocalServerPort
    int port;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void theTwentyPoliciesArePublishedAndExportedWithVersionApproverAndContents() throws Exception {
        // These tests play author and approver alike; the four-eyes rule has its own test (PoliciesApiTest).
        Http.withToken(port, AttestTest.ADMIN_TOKEN).putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}");
        assertThat(api().postJson("/api/v1/policies/from-templates", "{}").status()).isEqualTo(201);
        for (JsonNode p : api().get("/api/v1/policies").json()) {
            if (p.get("current").isNull() && p.get("open").get("status").asString().equals("draft")) {
                String base = "/api/v1/policies/" + p.get("id").asString() + "/versions/" + p.get("open").get("number").asInt();
                for (String action : new String[]{"submit", "approve", "publish"}) {
                    assertThat(api().postJson(base + "/" + action, "").status()).isEqualTo(200);
                }
            }
        }
        JsonNode all = api().get("/api/v1/policies").json();
        long published = all.valueStream().filter(p -> !p.get("current").isNull()).count();
        assertThat(published).isGreaterThanOrEqualTo(20);

        JsonNode encryption = all.valueStream().filter(p -> "encryption".equals(p.get("template").asString())
                && !p.get("current").isNull()).findFirst().orElseThrow();
        int number = encryption.get("current").get("number").asInt();
        HttpResponse<byte[]> one = get("/api/v1/policies/" + encryption.get("id").asString() + "/versions/" + number + "/pdf");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = text(one.body());
        // Another test in this application may have published the encryption policy first, through a page:
        // the PDF names whoever approved the current version.
        String approver = encryption.get("current").get("approvedBy").asString();
        assertThat(approver).startsWith("admin@localhost");
        assertThat(text).contains("Encryption Policy", "Version " + number, "approved by " + approver, "Data at rest", "page 1 of");

        HttpResponse<byte[]> set = get("/api/v1/policies/export");
        assertThat(set.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(set.body())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(20);
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSizeGreaterThanOrEqualTo(20);
            String contents = new PDFTextStripper() {{ setStartPage(1); setEndPage(1); }}.getText(doc);
            assertThat(contents).contains("Contents", "Acceptable Use Policy", "Vulnerability Management Policy");
        }
    }

    @Test
    void aDraftIsNotExported() throws Exception {
        String id = api().postJson("/api/v1/policies", "{\"template\":\"sdlc\"}").json().get("id").asString();
        assertThat(get("/api/v1/policies/" + id + "/versions/1/pdf").statusCode()).isEqualTo(409);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + AttestTest.ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
