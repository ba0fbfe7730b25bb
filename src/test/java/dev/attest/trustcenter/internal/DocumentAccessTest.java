package dev.attest.trustcenter.internal;

import dev.attest.support.Http;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Gated documents: the request with the NDA, approval, the personal link, the watermark and the record of it all. */
class DocumentAccessTest extends TrustCenterTestBase {

    @Autowired
    JdbcClient jdbc;

    private String publishWithReport(String company, String extra) {
        String report = uploadPdf("SOC 2 Type II report " + company, "soc2-report", true);
        publish(draft(company, "\"documents\":[\"" + report + "\"]" + (extra.isEmpty() ? "" : "," + extra)));
        return report;
    }

    private Map<String, String> form(String name, String email, String company) {
        return new HashMap<>(Map.of("name", name, "email", email, "company", company, "reason", "vendor review", "nda", "accepted",
                "extra_info", ""));
    }

    private JsonNode requestFor(String email) {
        for (JsonNode r : api.get("/api/v1/trust-center/requests").json()) {
            if (r.get("email").asString().equals(email)) return r;
        }
        return null;
    }

    @Test
    void aVisitorAsksAcceptsTheNdaIsApprovedAndDownloadsAWatermarkedCopy() throws Exception {
        String company = unique("November");
        String report = publishWithReport(company, "");
        String person = unique("Rosalind Requester");
        String email = unique("rosalind") + "@buyer.example";

        Http.Response page = visitor.get("/trust/documents/" + report);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You keep this confidential.", "name=\"nda\"", "name=\"extra_info\"");

        Http.Response asked = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                form(person, email, "Buyer Corp"), Map.of());
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("when your request is approved");

        JsonNode request = requestFor(email);
        assertThat(request.get("status").asString()).isEqualTo("pending");
        assertThat(request.get("name").asString()).isEqualTo(person);
        assertThat(request.get("ndaVersion").asString()).isEqualTo(dev.attest.trustcenter.TrustCenter.sha256("You keep this confidential."));
        assertThat(request.get("address").asString()).isNotBlank();
        assertThat(request.get("ndaAcceptedAt").asString()).isNotBlank();

        post("/api/v1/trust-center/requests/" + request.get("id").asString() + "/approve", "{}");
        String link = link(mailTo(email, "your access link"), "/trust/access/");

        Http stranger = Http.anonymous(port);
        assertThat(stranger.get(link).body()).contains("Confirm the work email");
        Http.Response notYours = stranger.postForm(link, link, Map.of("email", "someone.else@example.com"), Map.of());
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.body()).contains("issued to someone else");
        assertThat(stranger.get(link + "/download").status()).isEqualTo(302);

        Requester requester = new Requester(port);
        assertThat(requester.confirm(link, email.toUpperCase())).isEqualTo(302);
        assertThat(requester.page(link)).contains("Download the PDF");
        byte[] pdf = requester.bytes(link + "/download");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Independent service auditor's report")
                    .contains("provided to " + email + " on " + LocalDate.now(ZoneOffset.UTC));
        }

        JsonNode activity = api.get("/api/v1/trust-center/activity").json();
        Map<String, Long> actions = new HashMap<>();
        activity.forEach(a -> {
            if (a.get("email").asString().equals(email)) actions.put(a.get("action").asString(), a.get("count").asLong());
        });
        assertThat(actions).containsEntry("view", 1L).containsEntry("download", 1L);

        Http admin = Http.signedIn(port, dev.attest.support.AttestTest.ADMIN_EMAIL, dev.attest.support.AttestTest.ADMIN_PASSWORD);
        assertThat(admin.get("/trust-center/requests").body()).contains(person, email, "Buyer Corp", "approved", "download");

        for (String path : new String[]{"/trust", "/trust/subprocessors", "/trust/subprocessors.atom", "/trust/disclosure",
                "/.well-known/security.txt", "/trust/documents/" + report}) {
            assertThat(visitor.get(path).body()).as(path).doesNotContain(person).doesNotContain(email);
        }
    }

    /** A visitor's browser without JavaScript, able to keep the bytes of a download. */
    static final class Requester {

        private final int port;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

        Requester(int port) {
            this.port = port;
        }

        private HttpRequest.Builder at(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        String page(String path) throws Exception {
            return client.send(at(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        int confirm(String link, String email) throws Exception {
            var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page(link));
            assertThat(csrf.find()).isTrue();
            String body = "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            return client.send(at(link).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        byte[] bytes(String path) throws Exception {
            HttpResponse<byte[]> response = client.send(at(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
            return response.body();
        }
    }

    @Test
    void anAllowedDomainIsApprovedAtOnce() {
        String company = unique("Oscar");
        String report = publishWithReport(company, "\"allowedDomains\":[\"partner.example\"]");
        String email = unique("pat") + "@partner.example";

        Http.Response asked = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                form("Pat Partner", email, "Partner Ltd"), Map.of());

        assertThat(asked.body()).contains("we have sent you a link");
        assertThat(requestFor(email).get("status").asString()).isEqualTo("approved");
        assertThat(requestFor(email).get("decidedBy").asString()).contains("allowed domain partner.example");
        assertThat(link(mailTo(email, "your access link"), "/trust/access/")).startsWith("/trust/access/");
    }

    @Test
    void anExpiredOrUnknownLinkGetsAClearPageNotTheDocument() {
        String report = publishWithReport(unique("Papa"), "\"allowedDomains\":[\"expired.example\"]");
        String email = unique("late") + "@expired.example";
        visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request", form("Late Larry", email, "Late Inc"), Map.of());
        String link = link(mailTo(email, "your access link"), "/trust/access/");
        jdbc.sql("update trust_access_request set expires_at = ? where email = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), email).update();

        Http.Response expired = visitor.get(link);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired").doesNotContain("Download");
        assertThat(visitor.get(link + "/download").status()).isEqualTo(410);

        Http.Response unknown = visitor.get("/trust/access/not-a-real-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link is not valid");
    }

    @Test
    void badRequestsAreRefusedWithMessagesAndNothingIsRecorded() {
        String report = publishWithReport(unique("Quebec"), "");
        String email = unique("bad") + "@example.com";

        Map<String, String> noNda = form("Ned", email, "Nda Co");
        noNda.remove("nda");
        Http.Response refused = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request", noNda, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"nda\"", "accept the NDA");

        Http.Response malformed = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                form("Ned", "ned-at-example", "Nda Co"), Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("data-field=\"email\"", "not a valid email address", "value=\"ned-at-example\"");

        Map<String, String> bot = form("Bot", email, "Spam Co");
        bot.put("extra_info", "I am a bot");
        assertThat(visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request", bot, Map.of()).status())
                .isEqualTo(200);
        assertThat(requestFor(email)).isNull();

        assertThat(visitor.get("/trust/documents/" + UUID.randomUUID()).status()).isEqualTo(404);
        String unlisted = uploadPdf("Unlisted pentest", "pentest-summary", true);
        assertThat(visitor.get("/trust/documents/" + unlisted).status()).isEqualTo(404);
    }

    @Test
    void accessRequestsAreLimitedPerClientAndPerTargetWithTheUsualAnswer() {
        String report = publishWithReport(unique("Romeo"), "\"allowedDomains\":[\"rate.example\"]");
        String target = unique("target") + "@rate.example";
        for (int i = 0; i < 3; i++) {
            visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request", form("T" + i, target, "Rate Co"), Map.of());
        }
        Http.Response fourthForTarget = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                form("T4", target, "Rate Co"), Map.of());
        assertThat(fourthForTarget.status()).isEqualTo(200);
        assertThat(fourthForTarget.body()).contains("we have sent you a link");
        mailTo(target, "your access link");
        assertThat(mailsTo(target)).as("three links to one address, the fourth dropped").isEqualTo(3);

        limits.clear();
        String last = null;
        for (int i = 0; i < 6; i++) {
            last = unique("r" + i) + "@rate.example";
            Http.Response answer = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                    form("R" + i, last, "Rate Co"), Map.of());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("we have sent you a link");
        }
        assertThat(requestFor(last)).as("the sixth from one client is answered as usual but neither kept nor mailed").isNull();
        assertThat(mailsTo(last)).isZero();
    }

    @Test
    void aPublicDocumentIsServedAsItIsAndItsDownloadRecorded() {
        String id = uploadPdf("Insurance certificate", "insurance-certificate", false);
        publish(draft(unique("Sierra"), "\"documents\":[\"" + id + "\"]"));
        Http.Response pdf = visitor.get("/trust/documents/" + id);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(visitor.get("/trust").body()).contains("Insurance certificate", "Public");
    }

    @Test
    void anUploadThatIsNotAPdfIsRefused() {
        var response = dev.attest.support.JsonPost.post(port, dev.attest.support.AttestTest.ADMIN_TOKEN,
                "/api/v1/trust-center/documents?title=Fake&kind=soc2-report", "application/pdf", "hello".getBytes());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"file\"", "must be a PDF");
    }
}
