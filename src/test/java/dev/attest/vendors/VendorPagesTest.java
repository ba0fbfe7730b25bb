package dev.attest.vendors;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor pages as a signed-in admin sees them, with and without htmx. */
@AttestTest
class VendorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminAddsAVendorThroughTheFormAndSeesItsDerivedTier() {
        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String name = "Warehouse " + UUID.randomUUID().toString().substring(0, 8);

        Http.Response created = browser.postForm("/vendors/new", "/vendors",
                Map.of("name", name, "purpose", "Stores analytics", "data", "customer", "countries", "us, de", "subprocessor", "true"), Map.of());
        assertThat(created.status()).isEqualTo(302);
        String page = browser.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).body();

        assertThat(page).contains(name, "data-testid=\"risk-tier\">High<", "US, DE");
        assertThat(browser.get("/vendors").body()).contains(name);
        Http.Response fragment = browser.get("/vendors?q=" + name.split(" ")[1], Map.of("HX-Request", "true"));
        assertThat(fragment.body()).contains(name).doesNotContain("<html");
    }

    @Test
    void aRefusedFormComesBackWithTheMessageBesideTheFieldAndNothingSaved() {
        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String name = "Refused " + UUID.randomUUID().toString().substring(0, 8);

        Http.Response refused = browser.postForm("/vendors/new", "/vendors",
                Map.of("name", name, "countries", "Narnia", "contractStart", "soon"), Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"contractStart\"", "YYYY-MM-DD", "value=\"soon\"");
        Http.Response unknownCountry = browser.postForm("/vendors/new", "/vendors", Map.of("name", name, "countries", "Narnia"), Map.of());
        assertThat(unknownCountry.body()).contains("data-field=\"countries\"", "NARNIA");
        assertThat(browser.get("/vendors").body()).doesNotContain(name);
    }

    @Test
    void savingTheFormWithHtmxReturnsOnlyTheForm() {
        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String name = "Htmx " + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = browser.postForm("/vendors/new", "/vendors", Map.of("name", name, "data", "internal"), Map.of());
        String path = created.header("Location").replaceFirst("^https?://[^/]+", "");

        Http.Response fragment = browser.postForm(path, path, Map.of("name", name, "data", "internal", "countries", "JP"),
                Map.of("HX-Request", "true"));

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<form id=\"vendor-form\"").contains("Saved.", "JP").doesNotContain("<html");
    }

    @Test
    void theVendorPagesNeedSignIn() {
        assertThat(Http.anonymous(port).get("/vendors").status()).isEqualTo(302);
        assertThat(Http.anonymous(port).get("/api/v1/vendors").status()).isEqualTo(401);
    }
}
