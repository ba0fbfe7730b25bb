package dev.attest.auditlog;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page's CSV link works in a signed-in browser (no token), with the page's filters. */
@AttestTest
class AuditLogDownloadTest {

    @LocalServerPort
    int port;

    @Test
    void theCsvLinkOnThePageDownloadsTheFilteredEntriesWithTheSession() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String page = admin.get("/audit-log?action=identity").body();
        Matcher link = Pattern.compile("href=\"([^\"]+)\"[^>]*data-testid=\"audit-csv\"").matcher(page);
        assertThat(link.find()).as("the page links its CSV").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).startsWith("/audit-log/export.csv").contains("action=identity");

        Http.Response csv = admin.get(href);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("seq,occurredAt,actor,action").contains("identity.sign-in-succeeded")
                .doesNotContain(",controls.");
    }
}
