package dev.attest.evidence;

import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence comes back as a download a browser will not run, whatever type its uploader claimed. */
@AttestTest
class EvidenceDownloadTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLocker evidence;

    @ParameterizedTest
    @CsvSource({
            "text/html,                 application/octet-stream",
            "text/html; charset=utf-8,  application/octet-stream",
            "image/svg+xml,             application/octet-stream",
            "application/javascript,    application/octet-stream",
            "text/xml,                  application/octet-stream",
            "application/xhtml+xml,     application/octet-stream",
            "not a type,                application/octet-stream",
            "TEXT/PLAIN;charset=UTF-8,  text/plain;charset=UTF-8",
            "application/pdf,           application/pdf",
            "image/png,                 image/png"})
    void evidenceIsServedAsAnAttachmentWithASafeTypeNoSniffingAndASandbox(String claimed, String served) {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        byte[] page = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        EvidenceItem item = evidence.add(new WorkspaceId(admin.workspaceId()),
                new NewEvidence("upload", "a page", "page.html", claimed, List.of(), null, admin.email()), page);

        var api = Http.withToken(port, admin.token()).get("/api/v1/evidence/" + item.id() + "/content");
        var browser = Http.signedIn(port, admin.email(), ExtraAccounts.PASSWORD).get("/evidence/" + item.id() + "/content");

        for (Http.Response download : List.of(api, browser)) {
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Type")).isEqualToIgnoringCase(served);
            assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + item.sha256() + "\"");
            assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.raw().headers().allValues("Content-Security-Policy"))
                    .containsExactly("default-src 'none'; sandbox; frame-ancestors 'none'");
            assertThat(download.body()).isEqualTo(new String(page, StandardCharsets.UTF_8));
        }
    }
}
