package dev.attest.privacy.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Records of processing (with controls checked against the catalog, and the export) and the DPA/BAA register. */
class ProcessingRegisterTest extends MailAndClockTest {

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aProcessingActivityIsRecordedWithItsControlsAndExportedAsADocument() {
        String name = unique("Customer support");
        Http.Response created = api().postJson("/api/v1/privacy/processing-records", """
                {"name":"%s","purpose":"Answer customer tickets","legalBasis":"contract",
                 "dataSubjects":"customers' staff","dataCategories":"name, email, ticket text",
                 "recipients":"Zendesk","transfers":"United States","transferMechanism":"sccs",
                 "retention":"2 years after the ticket closes","securityMeasures":"SSO, encryption at rest",
                 "controlKeys":["en-01","AC-01"]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode record = created.json();
        assertThat(record.get("controlKeys").toString()).isEqualTo("[\"AC-01\",\"EN-01\"]");

        String id = record.get("id").asString();
        Http.Response updated = api().putJson("/api/v1/privacy/processing-records/" + id, """
                {"name":"%s","purpose":"Answer customer tickets","dataSubjects":"customers' staff","dataCategories":"name, email",
                 "retention":"1 year","controlKeys":["AC-01"]}""".formatted(name));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("retention").asString()).isEqualTo("1 year");

        Http session = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response export = session.get("/privacy/processing/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Records of processing activities", "Article 30", name, "1 year", "AC-01")
                .doesNotContain("class=\"topbar\"");
        assertThat(session.get("/privacy/processing", Map.of("HX-Request", "true")).body()).doesNotContain("<html").contains(name);

        Http.Response pdf = session.get("/privacy/processing/export.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void thePdfExportHoldsEveryActivityAcrossPagesWhateverItsCharacters() throws Exception {
        java.util.List<dev.attest.privacy.ProcessingRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(new dev.attest.privacy.ProcessingRecord(UUID.randomUUID(), "Activity " + i + " (Zürich, 東京)",
                    "A purpose long enough to wrap onto a second line of the page, because auditors read whole sentences. ".repeat(2),
                    "contract", "customers", "names\nemails", null, null, null, "1 year", null, java.util.List.of("AC-01"),
                    java.time.Instant.now(), "admin"));
        }
        byte[] bytes = ProcessingRecordsPdf.render("Default workspace", LocalDate.of(2026, 5, 1), records);
        try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("Records of processing activities", "Activity 0 (Zürich, ??)", "Activity 29", "controls AC-01");
        }
    }

    @Test
    void unknownControlsOrATransferWithoutItsMechanismAreRefused() {
        int before = api().get("/api/v1/privacy/processing-records").json().size();

        Http.Response unknown = api().postJson("/api/v1/privacy/processing-records", """
                {"name":"X","purpose":"p","dataSubjects":"s","dataCategories":"c","retention":"r","controlKeys":["ZZ-99"]}""");
        Http.Response noMechanism = api().postJson("/api/v1/privacy/processing-records", """
                {"name":"X","purpose":"p","dataSubjects":"s","dataCategories":"c","retention":"r","transfers":"India"}""");
        Http.Response missing = api().postJson("/api/v1/privacy/processing-records", "{}");
        Http.Response together = api().postJson("/api/v1/privacy/processing-records", """
                {"name":"X","dataSubjects":"s","dataCategories":"c","retention":"r","transfers":"India","controlKeys":["ZZ-98"]}""");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"controlKeys\"", "ZZ-99");
        assertThat(noMechanism.status()).isEqualTo(400);
        assertThat(noMechanism.body()).contains("\"field\":\"transferMechanism\"");
        assertThat(missing.body()).contains("\"field\":\"purpose\"", "\"field\":\"retention\"");
        assertThat(together.status()).isEqualTo(400);
        assertThat(together.body()).as("every bad field in one answer")
                .contains("\"field\":\"purpose\"", "\"field\":\"transferMechanism\"", "\"field\":\"controlKeys\"", "ZZ-98");
        assertThat(api().get("/api/v1/privacy/processing-records").json().size()).isEqualTo(before);

        Http session = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response form = session.postForm("/privacy/processing", Map.of("name", "Typed", "purpose", "p", "dataSubjects", "s",
                "dataCategories", "c", "retention", "r", "controlKeys", "AC-01, NOPE-1", "transferMechanism", ""));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).as(form.body().substring(form.body().indexOf("<main>"))).contains("data-testid=\"controlKeys-error\"", "NOPE-1", "value=\"Typed\"");
    }

    @Test
    void customerAgreementsAreRegisteredWithTheirVersionDateAndSccs() {
        String customer = unique("Acme Health");
        Http.Response dpa = api().postJson("/api/v1/privacy/agreements",
                "{\"customer\":\"" + customer + "\",\"kind\":\"dpa\",\"versionSigned\":\"2026-03\",\"signedOn\":\"2026-03-02\",\"sccsIncluded\":true}");
        Http.Response baa = api().postJson("/api/v1/privacy/agreements",
                "{\"customer\":\"" + customer + "\",\"kind\":\"BAA\",\"versionSigned\":\"v2\",\"signedOn\":\"2026-03-05\"}");
        assertThat(dpa.status()).as(dpa.body()).isEqualTo(201);
        assertThat(baa.status()).isEqualTo(201);
        assertThat(baa.json().get("kind").asString()).isEqualTo("baa");

        String future = LocalDate.now(CLOCK).plusDays(3).toString();
        Http.Response refused = api().postJson("/api/v1/privacy/agreements",
                "{\"customer\":\"" + customer + "\",\"kind\":\"baa\",\"versionSigned\":\"v3\",\"signedOn\":\"" + future + "\",\"sccsIncluded\":true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"signedOn\"", "\"field\":\"sccsIncluded\"");
        assertThat(api().postJson("/api/v1/privacy/agreements", "{\"customer\":\"x\",\"kind\":\"nda\",\"versionSigned\":\"1\",\"signedOn\":\"01/02/2026\"}")
                .body()).contains("\"field\":\"kind\"", "\"field\":\"signedOn\"");

        Http session = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response page = session.get("/privacy/agreements");
        assertThat(page.body()).contains(customer, "2026-03", "BAA");
        assertThat(api().get("/api/v1/privacy/agreements").body()).doesNotContain("\"versionSigned\":\"v3\"");

        Http.Response formRefused = session.postForm("/privacy/agreements", Map.of("customer", customer, "kind", "dpa",
                "versionSigned", "1", "signedOn", "not a date"));
        assertThat(formRefused.body()).contains("data-testid=\"signedOn-error\"");
    }
}
