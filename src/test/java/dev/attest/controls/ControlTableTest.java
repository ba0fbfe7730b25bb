package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The control library as a table: sorting, paging with counts, CSV, and bulk owner and status changes, all or none. */
@AttestTest
class ControlTableTest {

    @LocalServerPort
    int port;

    private Http browser() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    @Test
    void theLibraryPagesWithCountsAndSortsByAnyColumn() {
        var second = browser().get("/controls?sort=key&page=2");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).containsPattern("data-testid=\"count\">51–100 of \\d+<").contains("rel=\"prev\"")
                .doesNotContain("data-key=\"AC-01\"");
        var byNameDescending = browser().get("/controls?sort=name&dir=desc");
        assertThat(byNameDescending.body()).contains("aria-sort=\"descending\"");
        var fallback = browser().get("/controls?sort=secret&dir=x&page=9999");
        assertThat(fallback.status()).isEqualTo(200);
        assertThat(fallback.body()).contains("aria-sort=\"ascending\"").contains("data-key=");
    }

    @Test
    void aSearchThatFindsNothingSaysWhatToDoNext() {
        var none = browser().get("/controls?q=zzqqxx-nothing");

        assertThat(none.body()).contains("data-testid=\"empty-state\"").contains("Show every control");
    }

    @Test
    void theCsvExportFollowsTheFilter() {
        var csv = browser().get("/controls/export?domain=encryption");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("key,name,domain,status,owner,justification,updated_at,updated_by");
        assertThat(lines).anyMatch(l -> l.startsWith("EN-01,"));
        assertThat(java.util.Arrays.asList(lines).subList(1, lines.length)).allMatch(l -> l.contains(",encryption,"));
    }

    @Test
    void aBulkOwnerChangeAppliesToEveryControlOrNone() {
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        var unknown = api.postJson("/api/v1/controls/bulk", "{\"keys\": [\"BC-02\", \"NO-99\"], \"owner\": \"" + AttestTest.ADMIN_EMAIL + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("keys");
        assertThat(api.get("/api/v1/controls/BC-02").json().get("owner").isNull()).isTrue();

        var noJustification = api.postJson("/api/v1/controls/bulk", "{\"keys\": [\"BC-03\", \"BC-04\"], \"status\": \"not_applicable\"}");
        assertThat(noJustification.status()).isEqualTo(400);
        assertThat(noJustification.json().get("errors").get(0).get("field").asText()).isEqualTo("justification");
        assertThat(api.get("/api/v1/controls/BC-03").json().get("status").asText()).isEqualTo("not_started");

        var nothing = api.postJson("/api/v1/controls/bulk", "{\"keys\": [\"BC-02\"]}");
        assertThat(nothing.json().get("errors").get(0).get("field").asText()).isEqualTo("owner");

        var page = browser().postForm("/controls", "/controls/bulk", Map.of("keys", "BC-02", "newOwner", AttestTest.ADMIN_EMAIL), Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("1 control changed");
        assertThat(api.get("/api/v1/controls/BC-02").json().get("owner").asText()).isEqualTo(AttestTest.ADMIN_EMAIL);
        var refused = browser().postForm("/controls", "/controls/bulk", Map.of("newOwner", AttestTest.ADMIN_EMAIL), Map.of());
        assertThat(refused.body()).contains("keys: name at least one control");

        var cleared = api.postJson("/api/v1/controls/bulk", "{\"keys\": [\"BC-02\"], \"owner\": \"none\"}");
        assertThat(cleared.json().get("changed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit-log?target=control:BC-02&size=20").body()).contains("controls.");
    }

    @Test
    void theApiListStaysAnArrayAndPagesInAnEnvelopeWhenAsked() {
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        var all = api.get("/api/v1/controls");
        assertThat(all.json().isArray()).isTrue();
        int total = all.json().size();

        var second = api.get("/api/v1/controls?size=10&page=2&sort=key&dir=desc");
        assertThat(second.status()).isEqualTo(200);
        var body = second.json();
        assertThat(body.get("total").asInt()).isEqualTo(total);
        assertThat(body.get("page").asInt()).isEqualTo(2);
        assertThat(body.get("pages").asInt()).isEqualTo((total + 9) / 10);
        assertThat(body.get("items").size()).isEqualTo(10);
        assertThat(body.get("items").get(0).get("key").asText()).isEqualTo(all.json().get(total - 11).get("key").asText());
        assertThat(api.get("/api/v1/controls?domain=encryption&size=500").json().get("items").get(0).get("domain").asText())
                .isEqualTo("encryption");

        for (String bad : new String[]{"sort=secret:sort", "dir=up:dir", "page=0:page", "size=501:size", "page=9999:page", "page=x:page"}) {
            String[] parts = bad.split(":");
            var refused = api.get("/api/v1/controls?" + parts[0]);
            assertThat(refused.status()).as(parts[0]).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).as(parts[0]).isEqualTo(parts[1]);
        }
    }
}
