package dev.attest.people;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The people pages: the roster with the share fully compliant, the htmx fragment, adding by hand and the import preview. */
@AttestTest
class PeoplePagesTest {

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Http admin() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    @Test
    void thePeoplePageShowsEachPersonsCountsAndTheShareFullyCompliant() {
        Http http = admin();
        String email = "page." + run + "@example.test";
        Http.Response bad = http.postForm("/people/new", "/people", Map.of("name", "Pat Page", "email", email, "startDate", "2026-03-01",
                "endDate", "2026-02-01"), Map.of());
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("data-error=\"endDate\"", "is before the start date");

        Http.Response added = http.postForm("/people/new", "/people", Map.of("name", "Pat Page", "email", email, "startDate", "2026-03-01"), Map.of());
        assertThat(added.status()).isEqualTo(302);

        Http.Response page = http.get("/people?q=" + run);
        assertThat(page.body()).contains("<html", "fully compliant", "data-testid=\"share\"", "data-email=\"" + email + "\"", "data-col=\"overdue\"");
        Http.Response fragment = http.get("/people?q=" + run, Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"roster\"", email);

        String person = http.get(added.header("Location").replaceFirst("^https?://[^/]+", "")).body();
        assertThat(person).contains("Pat Page", "Security awareness training", "Background check before the start date");
    }

    @Test
    void theImportPreviewListsRowAndFieldAndSavesNothingUntilConfirmed() {
        Http http = admin();
        String good = "good." + run + "@example.test";
        String bad = "name,email,manager_email\nGood Person," + good + ",\nNo Mail,,\n";
        Http.Response preview = http.postForm("/people/import", Map.of("csv", bad));
        assertThat(preview.body()).contains("data-row=\"3\"", "data-field=\"email\"", "Nothing was saved");
        assertThat(http.get("/people?q=" + run).body()).doesNotContain(good);

        String csv = "name,email\nGood Person," + good + "\n";
        assertThat(http.postForm("/people/import", Map.of("csv", csv)).body()).contains("data-testid=\"valid\"", "Import <span>1</span> people");
        Http.Response confirmed = http.postForm("/people/import", "/people/import", Map.of("csv", csv, "confirm", "true"), Map.of());
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(http.get("/people?q=" + run).body()).contains(good, "1 people imported.");
    }
}
