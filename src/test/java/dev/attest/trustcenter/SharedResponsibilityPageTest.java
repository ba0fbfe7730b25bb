package dev.attest.trustcenter;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public "Shared responsibility" page, read by an anonymous visitor with a real HTTP client: it
 * changes only when the Trust Center is published, groups the parts by provider, us and you, and shows
 * the live status of the company's own controls.
 */
@AttestTest
class SharedResponsibilityPageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void thePageIsPublishedFromTheControlLibraryAndShowsLiveStatus() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String providerName = "Cloud Provider " + tag;
        HttpResponse<String> vendor = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", """
                {"name":"%s","website":"https://cloud.example","purpose":"Hosting","data":["personal"],"countries":["us"],
                 "subprocessor":true}""".formatted(providerName));
        assertThat(vendor.statusCode()).as(vendor.body()).isEqualTo(201);
        String providerId = JSON.readTree(vendor.body()).get("id").asString();
        String duty = "Guards the data centres " + tag;
        String guidance = "Enable SSO for your console users " + tag;
        assertThat(admin().putJson("/api/v1/responsibility/PH-01", """
                {"party":"provider","providerId":"%s","providerDuty":"%s"}""".formatted(providerId, duty)).status()).isEqualTo(200);
        assertThat(admin().putJson("/api/v1/responsibility/AC-12", """
                {"party":"customer","customerGuidance":"%s"}""".formatted(guidance)).status()).isEqualTo(200);
        assertThat(admin().putJson("/api/v1/responsibility/EN-03", "{\"party\":\"company\"}").status()).isEqualTo(200);
        assertThat(admin().patchJson("/api/v1/controls/EN-03", "{\"status\":\"in_progress\"}").status()).isEqualTo(200);

        ObjectNode draft = (ObjectNode) admin().get("/api/v1/trust-center/draft").json();
        draft.put("sharedResponsibility", true);
        assertThat(admin().putJson("/api/v1/trust-center/draft", draft.toString()).status()).isEqualTo(200);

        Http visitor = Http.anonymous(port);
        assertThat(visitor.get("/trust/shared-responsibility").body()).as("a draft is not public").doesNotContain(guidance);

        assertThat(admin().postJson("/api/v1/trust-center/publish", "{}").status()).isIn(200, 201);
        Http.Response page = visitor.get("/trust/shared-responsibility");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        int provider = body.indexOf("data-testid=\"provider-part\"");
        int company = body.indexOf("data-testid=\"company-part\"");
        int customer = body.indexOf("data-testid=\"customer-part\"");
        assertThat(provider).isPositive().isLessThan(company);
        assertThat(company).isLessThan(customer);
        assertThat(body.substring(provider, company)).contains(providerName).contains(duty);
        assertThat(body.substring(customer)).contains(guidance);
        assertThat(body.substring(company, customer)).contains("data-control=\"EN-03\"").contains("In progress")
                .doesNotContain("data-control=\"PH-01\"");
        assertThat(visitor.get("/trust").body()).contains("/trust/shared-responsibility");

        // the company's part is live: a status change shows without publishing again
        assertThat(admin().patchJson("/api/v1/controls/EN-03", "{\"status\":\"implemented\"}").status()).isEqualTo(200);
        String later = visitor.get("/trust/shared-responsibility").body();
        String en03 = later.substring(later.indexOf("data-control=\"EN-03\""));
        assertThat(en03.substring(0, en03.indexOf("</tr>"))).contains("In place");

        // a change of hands waits for the next publish
        assertThat(admin().putJson("/api/v1/responsibility/AC-12", "{\"party\":\"company\"}").status()).isEqualTo(200);
        assertThat(visitor.get("/trust/shared-responsibility").body()).contains(guidance);

        Http.Response csv = visitor.get("/trust/shared-responsibility.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("control,name,responsibility,provider,provider_part,customer_part")
                .contains("PH-01,").contains(providerName).contains(guidance);
    }
}
