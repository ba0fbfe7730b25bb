package dev.attest.audits;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The Statement of Applicability: 93 Annex A controls, exclusions justified, approved by a second person, frozen once approved. */
@AttestTest
class StatementOfApplicabilityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aVersionIsGeneratedEditedApprovedBySomeoneElseAndChangedOnlyThroughANewVersion() throws Exception {
        ExtraAccounts.Account lead = ExtraAccounts.inNewWorkspace(jdbc);
        var manager = TestAccounts.member(context, new WorkspaceId(lead.workspaceId()), Role.COMPLIANCE_MANAGER);
        Http editor = Http.withToken(port, lead.token());
        Http approver = Http.withToken(port, TestAccounts.token(context, new WorkspaceId(lead.workspaceId()), manager.userId(), "read_write"));

        assertThat(editor.get("/api/v1/soa").status()).isEqualTo(404);
        Http.Response created = editor.post("/api/v1/soa/versions", "application/json", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var v1 = created.json();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("entries").size()).isEqualTo(93);
        assertThat(v1.get("entries").get(0).get("ref").asString()).isEqualTo("A.5.1");
        assertThat(v1.get("entries").get(0).get("controls").toString()).contains("GR-01");

        Http.Response unjustified = editor.putJson("/api/v1/soa/entries/A.7.1", "{\"applicable\":false}");
        assertThat(unjustified.status()).isEqualTo(400);
        assertThat(unjustified.json().get("errors").get(0).get("field").asString()).isEqualTo("justification");
        Http.Response excluded = editor.putJson("/api/v1/soa/entries/A.7.1",
                "{\"applicable\":false,\"justification\":\"No offices: the company is fully remote and hosted in the cloud\"}");
        assertThat(excluded.status()).isEqualTo(200);

        Http.Response selfApproval = editor.post("/api/v1/soa/approve", "application/json", "");
        assertThat(selfApproval.status()).isEqualTo(400);
        assertThat(selfApproval.json().get("errors").get(0).get("field").asString()).isEqualTo("approver");
        var approved = approver.post("/api/v1/soa/approve", "application/json", "").json();
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("approvedBy").asString()).startsWith(manager.email());

        Http.Response frozen = editor.putJson("/api/v1/soa/entries/A.7.2", "{\"applicable\":true}");
        assertThat(frozen.status()).isEqualTo(400);
        assertThat(frozen.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        var v2 = editor.post("/api/v1/soa/versions", "application/json", "").json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("status").asString()).isEqualTo("draft");
        assertThat(v2.get("entries").toString()).contains("fully remote");
        assertThat(editor.post("/api/v1/soa/versions", "application/json", "").status()).isEqualTo(400);

        String csv = editor.get("/api/v1/soa/versions/1/csv").body();
        assertThat(csv.lines()).hasSize(94);
        assertThat(csv).contains("A.7.1,Physical security perimeters,no,No offices");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/soa/versions/1/pdf"))
                .header("Authorization", "Bearer " + lead.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Statement of Applicability", "version 1, approved", "A.8.34", "No offices");
        }
    }
}
