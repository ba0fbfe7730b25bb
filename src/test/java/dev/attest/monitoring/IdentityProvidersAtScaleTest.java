package dev.attest.monitoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.attest.monitoring.internal.Connections;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * About 1,000 resources per provider through a connection run into checks and findings, as the monitoring
 * path handles them: every page is followed, every resource stored, and each check's failures are exactly
 * the fixture's bad ones. (Timings belong to bench/, not here.)
 */
@AttestTest
class IdentityProvidersAtScaleTest {

    static WireMockServer server;

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        server = ProviderFixtures.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private ConnectionRun run(String id) {
        ConnectionRun run = connections.runAndWait(TestWorkspaces.defaultWorkspace(jdbc), UUID.fromString(id), "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("succeeded");
        return run;
    }

    private Http api() {
        return ProviderFixtures.admin(port);
    }

    @Test
    void aThousandGitHubMembersAndRepositories() {
        String org = "big-" + ProviderFixtures.suffix();
        server.stubFor(get(urlPathEqualTo("/orgs/" + org)).willReturn(okJson("{\"login\": \"" + org + "\", \"two_factor_requirement_enabled\": true}")));
        String members = "/orgs/" + org + "/members";
        int pages = 10;
        for (int page = 1; page <= pages; page++) {
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 95; i++) {
                users.add("{\"login\": \"m" + (page * 100 + i) + "\"}");
            }
            var response = okJson("[" + String.join(",", users) + "]");
            if (page < pages) {
                response = response.withHeader("Link", "<" + base() + members + "?per_page=100&page=" + (page + 1) + ">; rel=\"next\"");
            }
            var stub = get(urlPathEqualTo(members)).withQueryParam("role", absent()).withQueryParam("filter", absent());
            server.stubFor((page == 1 ? stub.withQueryParam("page", absent()) : stub.withQueryParam("page", equalTo(String.valueOf(page))))
                    .willReturn(response));
        }
        server.stubFor(get(urlPathEqualTo(members)).withQueryParam("role", equalTo("admin")).willReturn(okJson("[{\"login\": \"m100\"}]")));
        // every 19th member of the first page has no 2FA: 5 of them
        server.stubFor(get(urlPathEqualTo(members)).withQueryParam("filter", equalTo("2fa_disabled"))
                .willReturn(okJson("[{\"login\": \"m100\"}, {\"login\": \"m119\"}, {\"login\": \"m138\"}, {\"login\": \"m157\"}, {\"login\": \"m176\"}]")));
        server.stubFor(get(urlPathMatching("/orgs/" + org + "/outside_collaborators")).willReturn(okJson("[]")));
        List<String> repos = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            repos.add("{\"name\": \"r" + i + "\", \"default_branch\": \"main\", \"security_and_analysis\": {\"secret_scanning_push_protection\": {\"status\": \""
                    + (i % 10 == 0 ? "disabled" : "enabled") + "\"}}}");
        }
        server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/repos")).willReturn(okJson("[" + String.join(",", repos) + "]")));
        server.stubFor(get(urlPathMatching("/orgs/" + org + "/(dependabot|secret-scanning)/alerts")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathMatching("/repos/" + org + "/r[0-9]+/branches/main/protection")).willReturn(okJson("""
                {"required_pull_request_reviews": {"required_approving_review_count": 1}, "allow_force_pushes": {"enabled": false}}""")));
        server.stubFor(get(urlPathMatching("/repos/" + org + "/r[0-9]+/rules/branches/main")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathMatching("/repos/" + org + "/r[0-9]+/vulnerability-alerts")).willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathMatching("/repos/" + org + "/r[0-9]+/keys")).willReturn(okJson("[]")));
        String id = ProviderFixtures.connection(api(), "github", base() + "/orgs/" + org, "{\"token\": \"t\"}");

        ConnectionRun run = run(id);

        assertThat(run.resourcesSeen()).isEqualTo(1 + 950 + 50);
        assertThat(ProviderFixtures.failures(api(), "github-members-2fa", org + "/")).isEqualTo(5);
        assertThat(ProviderFixtures.failures(api(), "github-push-protection", org + "/")).isEqualTo(5);
        assertThat(ProviderFixtures.outcomes(api(), "github-default-branch-reviews", org + "/")).hasSize(50).doesNotContainValue("fail");
    }

    @Test
    void aThousandOktaUsers() {
        String p = "k" + ProviderFixtures.suffix();
        for (int page = 0; page < 5; page++) {
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                users.add("{\"id\": \"%s%04d\", \"status\": \"ACTIVE\", \"created\": \"2024-01-01T00:00:00.000Z\", \"profile\": {\"login\": \"u%d@x.example\"}}"
                        .formatted(p, page * 200 + i, page * 200 + i));
            }
            var response = okJson("[" + String.join(",", users) + "]");
            if (page < 4) {
                response = response.withHeader("Link", "<http://127.0.0.1:" + server.port() + "/api/v1/users?after=" + p + "page" + (page + 1)
                        + "&limit=200>; rel=\"next\"");
            }
            var stub = get(urlPathEqualTo("/api/v1/users")).withQueryParam("filter", absent());
            server.stubFor((page == 0 ? stub.withQueryParam("after", absent()) : stub.withQueryParam("after", equalTo(p + "page" + page)))
                    .willReturn(response));
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("filter", equalTo("status eq \"DEPROVISIONED\"")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/iam/assignees/users")).willReturn(okJson("{\"value\": []}")));
        // users whose number ends in 7 have no factor: 100 of them
        server.stubFor(get(urlPathMatching("/api/v1/users/" + p + "[0-9]{3}[0-689]/factors"))
                .willReturn(okJson("[{\"factorType\": \"webauthn\", \"status\": \"ACTIVE\"}]")));
        server.stubFor(get(urlPathMatching("/api/v1/users/" + p + "[0-9]{3}7/factors")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/policies")).willReturn(okJson("[]")));
        String id = ProviderFixtures.connection(api(), "okta", "http://127.0.0.1:" + server.port(), "{\"token\": \"t\"}");

        ConnectionRun run = run(id);

        assertThat(run.resourcesSeen()).isEqualTo(1000 + 1);
        assertThat(ProviderFixtures.failures(api(), "okta-users-mfa-enrolled", p)).isEqualTo(100);
    }

    @Test
    void aThousandGoogleUsersAndAThousandEntraUsers() {
        String domain = "w" + ProviderFixtures.suffix() + ".example";
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\": \"ya29.scale\"}")));
        for (int page = 0; page < 2; page++) {
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = page * 500 + i;
                users.add("{\"id\": \"%d\", \"primaryEmail\": \"u%d@%s\", \"isEnrolledIn2Sv\": %s, \"isEnforcedIn2Sv\": true, \"isAdmin\": %s}"
                        .formatted(n, n, domain, n % 10 != 0, n < 2));
            }
            String body = "{\"users\": [" + String.join(",", users) + "]" + (page == 0 ? ", \"nextPageToken\": \"next-" + domain + "\"" : "") + "}";
            var stub = get(urlPathEqualTo("/admin/directory/v1/users"));
            server.stubFor((page == 0 ? stub.withQueryParam("pageToken", absent()) : stub.withQueryParam("pageToken", equalTo("next-" + domain)))
                    .willReturn(okJson(body)));
        }
        server.stubFor(get(urlPathMatching("/admin/reports/v1/usage/users/all/dates/.*")).willReturn(okJson("{\"usageReports\": []}")));
        String google = ProviderFixtures.connection(api(), "google-workspace", base() + "/" + domain,
                ProviderFixtures.googleSecrets(ProviderFixtures.serviceAccountKey(ProviderFixtures.rsa(), base() + "/token"), "admin@" + domain));

        ConnectionRun googleRun = run(google);

        assertThat(googleRun.resourcesSeen()).isEqualTo(1001);
        long failing = ProviderFixtures.outcomes(api(), "google-users-2sv-enrolled", "u").entrySet().stream()
                .filter(e -> e.getKey().endsWith("@" + domain) && e.getValue().equals("fail")).count();
        assertThat(failing).isEqualTo(100);

        String tenant = UUID.randomUUID().toString();
        String p = tenant.substring(0, 8);
        server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(okJson("{\"access_token\": \"graph\"}")));
        List<String> users = new ArrayList<>();
        List<String> registrations = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            users.add("{\"id\": \"%s-%d\", \"userPrincipalName\": \"u%d@contoso.example\", \"accountEnabled\": true, \"userType\": \"Member\"}"
                    .formatted(p, n, n));
            registrations.add("{\"id\": \"%s-%d\", \"isMfaRegistered\": %s}".formatted(p, n, n % 4 != 0));
        }
        server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", absent()).willReturn(okJson(
                "{\"value\": [" + String.join(",", users.subList(0, 999)) + "], \"@odata.nextLink\": \"" + base() + "/v1.0/users?$skiptoken=" + p + "\"}")));
        server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo(p)).willReturn(okJson(
                "{\"value\": [" + users.get(999) + "]}")));
        server.stubFor(get(urlPathEqualTo("/v1.0/reports/authenticationMethods/userRegistrationDetails")).willReturn(okJson(
                "{\"value\": [" + String.join(",", registrations) + "]}")));
        server.stubFor(get(urlPathEqualTo("/v1.0/directoryRoles")).willReturn(okJson("{\"value\": []}")));
        server.stubFor(get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")).willReturn(okJson("{\"value\": []}")));
        server.stubFor(get(urlPathEqualTo("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy")).willReturn(okJson("{\"isEnabled\": false}")));
        String entra = ProviderFixtures.connection(api(), "entra", base() + "/" + tenant, "{\"clientId\": \"c\", \"clientSecret\": \"s\"}");

        ConnectionRun entraRun = run(entra);

        assertThat(entraRun.resourcesSeen()).isEqualTo(1001);
        assertThat(ProviderFixtures.failures(api(), "entra-users-mfa-registered", p)).isEqualTo(250);
        assertThat(ProviderFixtures.outcomes(api(), "entra-mfa-required-for-everyone", tenant)).containsEntry(tenant, "fail");
        var findings = api().get("/api/v1/findings?check=entra-mfa-required-for-everyone&status=open&limit=500");
        assertThat(findings.body()).contains(tenant);
    }
}
