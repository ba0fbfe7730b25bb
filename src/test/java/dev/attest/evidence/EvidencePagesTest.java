package dev.attest.evidence;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@AttestTest
class EvidencePagesTest {

    private static final Pattern UPLOAD_FORM = Pattern.compile("<form action=\"([^\"]+)\"[^>]*data-testid=\"upload\">(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLocker evidence;

    @Autowired
    JdbcClient jdbc;

    private Http browser() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    /** The upload form as the page renders it: its action and its hidden fields. */
    private record Form(String action, Map<String, String> hidden) {
    }

    private static Form uploadForm(Http browser) {
        String page = browser.get("/evidence").body();
        Matcher form = UPLOAD_FORM.matcher(page);
        assertThat(form.find()).as("the page has the upload form").isTrue();
        Matcher csrf = HIDDEN_CSRF.matcher(form.group(2));
        return new Form(form.group(1).replace("&amp;", "&"), csrf.find() ? Map.of("_csrf", csrf.group(1)) : Map.of());
    }

    private static Map<String, String> with(Map<String, String> hidden, String... fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(hidden);
        for (int i = 0; i < fields.length; i += 2) {
            all.put(fields[i], fields[i + 1]);
        }
        return all;
    }

    @Test
    void anUploadThroughTheFormIsListedWithItsHashAndLedgerEntryAndDownloads() throws Exception {
        Http browser = browser();
        String title = "Firewall review " + UUID.randomUUID();
        byte[] content = ("rules " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Form form = uploadForm(browser);

        var posted = browser.postMultipart(form.action(), with(form.hidden(), "title", title, "controls", "AC-06", "validUntil", "2099-01-31"),
                "firewall.txt", content);

        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        assertThat(posted.header("Location")).contains("/evidence?added=");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        var page = browser.get("/evidence?control=AC-06&kind=upload");
        assertThat(page.body()).contains(title).contains("firewall.txt").contains(sha.substring(0, 12)).contains("2099-01-31")
                .contains(AttestTest.ADMIN_EMAIL).contains("data-testid=\"ledger\"");
        String fingerprint = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence/ledger/key").json().get(0).get("fingerprint")
                .asString();
        assertThat(page.body()).as("the pinned key's fingerprint, for auditors")
                .contains("data-testid=\"ledger-key-fingerprint\">" + fingerprint + "<").contains("--key <span>" + fingerprint + "</span>");
        String row = java.util.Arrays.stream(page.body().split("<tr")).filter(r -> r.contains(title)).findFirst().orElseThrow();
        Matcher link = Pattern.compile("href=\"(/evidence/[0-9a-f-]{36}/content)\"").matcher(row);
        assertThat(link.find()).as(row).isTrue();
        var download = browser.get(link.group(1));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(new String(content, StandardCharsets.UTF_8));
        assertThat(download.header("X-Content-SHA256")).isEqualTo(sha);
    }

    @Test
    void theFiltersNarrowTheListAsPageAndFragment() {
        String title = "Snapshot " + UUID.randomUUID();
        var workspace = new dev.attest.identity.WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        evidence.add(workspace, new NewEvidence("check-results", title, null, "application/json", java.util.List.of("AC-07"), null, "system"),
                "{}".getBytes(StandardCharsets.UTF_8));
        Http browser = browser();

        assertThat(browser.get("/evidence?kind=check-results").body()).contains("<html").contains(title);
        var fragment = browser.get("/evidence?kind=upload", Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").doesNotContain(title);
        assertThat(browser.get("/evidence?control=AC-07", Map.of("HX-Request", "true")).body()).contains(title);
        assertThat(browser.get("/evidence?control=AC-0", Map.of("HX-Request", "true")).body()).doesNotContain(title);
    }

    @Test
    void anUnknownControlOrAMissingFileIsAFormErrorAndNothingIsStored() {
        Http browser = browser();
        String title = "Bad " + UUID.randomUUID();
        Form form = uploadForm(browser);

        var unknown = browser.postMultipart(form.action(), with(form.hidden(), "title", title, "controls", "ZZ-99"), "x.txt", "x".getBytes());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("data-testid=\"controls-error\"").contains("ZZ-99").contains("value=\"" + title + "\"");

        var noFile = browser.postMultipart(uploadForm(browser).action(), with(form.hidden(), "title", title), null, null);
        assertThat(noFile.status()).isEqualTo(200);
        assertThat(noFile.body()).contains("data-testid=\"file-error\"").contains("choose the file");

        var badDate = browser.postMultipart(uploadForm(browser).action(), with(form.hidden(), "title", title, "validUntil", "soon"),
                "x.txt", "x".getBytes());
        assertThat(badDate.body()).contains("must be a date");
        assertThat(browser.get("/evidence").body()).doesNotContain(title);
    }

    @Test
    void aFileAboveTheLimitIsAFormErrorNotAnErrorPage() {
        Http browser = browser();
        Form form = uploadForm(browser);
        byte[] big = new byte[(int) evidence.maxUploadBytes() + 1];

        var posted = browser.postMultipart(form.action(), with(form.hidden(), "title", "too big"), "big.bin", big);

        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/evidence?tooLarge");
        var page = browser.get("/evidence?tooLarge");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"file-error\"").contains("larger than the upload limit of 25 MB");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        Http browser = browser();
        String title = "Forged " + UUID.randomUUID();

        var posted = browser.postMultipart("/evidence", Map.of("title", title), "x.txt", "x".getBytes());

        assertThat(posted.status()).isEqualTo(403);
        assertThat(browser.get("/evidence").body()).doesNotContain(title);
    }

    @Test
    void verifyNowChecksTheLedgerAsFragmentOrPage() {
        Http browser = browser();
        Form form = uploadForm(browser);
        browser.postMultipart(form.action(), with(form.hidden(), "title", "for the ledger"), "l.txt", UUID.randomUUID().toString().getBytes());

        var fragment = browser.get("/evidence/ledger/verify", Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("data-testid=\"ledger-valid\"").doesNotContain("<html");
        var page = browser.get("/evidence/ledger/verify");
        assertThat(page.body()).contains("<html").contains("The ledger verifies");
        var export = browser.get("/evidence/ledger/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith("attest-ledger\t1\nworkspace\t");
    }

    @Test
    void readersSeeNoUploadFormAndEmployeesNoPageAndThePagesCarryNoInlineCode() {
        String viewer = ExtraAccounts.inDefaultWorkspace(jdbc, "viewer").email();
        Http viewerBrowser = Http.signedIn(port, viewer, ExtraAccounts.PASSWORD);
        var page = viewerBrowser.get("/evidence");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"ledger\"").doesNotContain("data-testid=\"upload\"");
        Matcher token = HIDDEN_CSRF.matcher(page.body());
        assertThat(token.find()).as("the sign-out form carries a token").isTrue();
        var refused = viewerBrowser.postMultipart("/evidence?_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8),
                Map.of("title", "x"), "x.txt", "x".getBytes());
        assertThat(refused.status()).isEqualTo(403);

        String employee = ExtraAccounts.inDefaultWorkspace(jdbc, "employee").email();
        Http employeeBrowser = Http.signedIn(port, employee, ExtraAccounts.PASSWORD);
        assertThat(employeeBrowser.get("/evidence").status()).isEqualTo(403);
        assertThat(employeeBrowser.get("/").body()).doesNotContain("href=\"/evidence\"");
        assertThat(browser().get("/").body()).contains("href=\"/evidence\"");

        String admin = browser().get("/evidence").body();
        assertThat(admin).doesNotContain("style=").doesNotContain("<script>").doesNotContain("onclick");
    }
}
