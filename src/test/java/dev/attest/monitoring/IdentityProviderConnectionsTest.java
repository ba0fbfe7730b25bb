package dev.attest.monitoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.internal.Connections;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GitHub, Google Workspace, Okta and Entra ID connections against a local server replaying answers written
 * from each provider's API reference: pagination, throttling, a permission missing on one endpoint, 5xx
 * retried, unexpected and missing fields, wrong credentials; through the connections API into checks and findings.
 */
@AttestTest
class IdentityProviderConnectionsTest {

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

    private Http api() {
        return ProviderFixtures.admin(port);
    }

    private ConnectionRun run(String id) {
        WorkspaceId workspace = TestWorkspaces.defaultWorkspace(jdbc);
        return connections.runAndWait(workspace, UUID.fromString(id), "test");
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String recent(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- GitHub

    private void github(String org) {
        String b = base();
        server.stubFor(get(urlPathEqualTo("/orgs/" + org)).willReturn(okJson("""
                {"login": "%s", "id": 1, "two_factor_requirement_enabled": false, "default_repository_permission": "write",
                 "members_can_create_public_repositories": false, "plan": {"name": "team"}, "a_field_added_later": {"x": 1}}""".formatted(org))));
        String members = "/orgs/" + org + "/members";
        server.stubFor(get(urlPathEqualTo(members)).withQueryParam("role", absent()).withQueryParam("filter", absent())
                .withQueryParam("page", absent()).willReturn(okJson("[{\"login\": \"alice\", \"id\": 1}, {\"login\": \"bob\", \"id\": 2}]")
                        .withHeader("Link", "<" + b + members + "?per_page=100&page=2>; rel=\"next\", <" + b + members + "?per_page=100&page=2>; rel=\"last\"")));
        server.stubFor(get(urlPathEqualTo(members)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("[{\"login\": \"carol\", \"id\": 3, \"type\": \"User\"}]")));
        server.stubFor(get(urlPathEqualTo(members)).withQueryParam("role", equalTo("admin")).willReturn(okJson("[{\"login\": \"alice\"}]")));
        server.stubFor(get(urlPathEqualTo(members)).withQueryParam("filter", equalTo("2fa_disabled")).willReturn(okJson("[{\"login\": \"bob\"}]")));
        String outside = "/orgs/" + org + "/outside_collaborators";
        server.stubFor(get(urlPathEqualTo(outside)).withQueryParam("filter", absent()).willReturn(okJson("[{\"login\": \"dave\"}]")));
        server.stubFor(get(urlPathEqualTo(outside)).withQueryParam("filter", equalTo("2fa_disabled")).willReturn(okJson("[]")));
        // a secondary rate limit first: 403 with Retry-After, then the page
        String repos = "/orgs/" + org + "/repos";
        server.stubFor(get(urlPathEqualTo(repos)).inScenario("repos " + org).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"You have exceeded a secondary rate limit.\", \"documentation_url\": \"https://docs.github.com/rest\"}"))
                .willSetStateTo("answered"));
        server.stubFor(get(urlPathEqualTo(repos)).inScenario("repos " + org).whenScenarioStateIs("answered").willReturn(okJson("""
                [{"name": "api", "private": true, "archived": false, "default_branch": "main",
                  "security_and_analysis": {"secret_scanning": {"status": "enabled"}, "secret_scanning_push_protection": {"status": "enabled"},
                                            "dependabot_security_updates": {"status": "enabled"}}},
                 {"name": "web", "private": false, "archived": false, "default_branch": "trunk",
                  "security_and_analysis": {"secret_scanning": {"status": "disabled"}, "secret_scanning_push_protection": {"status": "disabled"},
                                            "dependabot_security_updates": {"status": "disabled"}}},
                 {"name": "old", "archived": true, "default_branch": "master"}]""")));
        server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/dependabot/alerts")).willReturn(okJson("""
                [{"number": 4, "state": "open", "repository": {"name": "web"}, "security_advisory": {"severity": "critical"}}]""")));
        server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/secret-scanning/alerts")).willReturn(aResponse().withStatus(403)
                .withHeader("X-Accepted-GitHub-Permissions", "secret_scanning_alerts=read").withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Resource not accessible by integration\"}")));
        String api = "/repos/" + org + "/api";
        server.stubFor(get(urlPathEqualTo(api + "/branches/main/protection")).willReturn(okJson("""
                {"required_status_checks": {"strict": true, "contexts": ["ci"]}, "enforce_admins": {"enabled": true},
                 "required_pull_request_reviews": {"required_approving_review_count": 2}, "allow_force_pushes": {"enabled": false}}""")));
        server.stubFor(get(urlPathEqualTo(api + "/rules/branches/main")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo(api + "/vulnerability-alerts")).willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathEqualTo(api + "/keys")).willReturn(okJson("""
                [{"id": 7, "title": "old deployer", "read_only": true, "created_at": "2020-01-01T00:00:00Z", "last_used": "2021-01-01T00:00:00Z"}]""")));
        String web = "/repos/" + org + "/web";
        server.stubFor(get(urlPathEqualTo(web + "/branches/trunk/protection")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Branch not protected\"}")));
        server.stubFor(get(urlPathEqualTo(web + "/rules/branches/trunk")).willReturn(okJson("[{\"type\": \"deletion\"}]")));
        server.stubFor(get(urlPathEqualTo(web + "/vulnerability-alerts")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo(web + "/keys")).willReturn(okJson("[]")));
    }

    @Test
    void aGitHubOrganisationIsReadPageByPageThroughARateLimitAndItsFailingSettingsBecomeFindings() {
        String org = "acme-" + ProviderFixtures.suffix();
        github(org);
        String id = ProviderFixtures.connection(api(), "github", base() + "/orgs/" + org, "{\"token\": \"github_pat_test\"}");

        ConnectionRun run = run(id);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("succeeded");
        assertThat(run.error()).as("the refused endpoint is named with the permission GitHub accepts")
                .contains("1 problem").contains("Secret scanning alerts").contains("secret_scanning_alerts=read");
        assertThat(run.resourcesSeen()).isEqualTo(1 + 4 + 3);
        server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/orgs/" + org + "/members"))
                .withHeader("Authorization", equalTo("Bearer github_pat_test")).withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
        Http api = api();
        assertThat(ProviderFixtures.outcomes(api, "github-org-requires-2fa", org)).containsEntry(org, "fail");
        assertThat(ProviderFixtures.outcomes(api, "github-members-2fa", org + "/"))
                .containsEntry(org + "/bob", "fail").containsEntry(org + "/alice", "pass").containsEntry(org + "/carol", "pass")
                .containsEntry(org + "/dave", "pass");
        assertThat(ProviderFixtures.outcomes(api, "github-default-branch-protected", org + "/"))
                .containsEntry(org + "/api", "pass").containsEntry(org + "/web", "fail").containsEntry(org + "/old", "pass");
        assertThat(ProviderFixtures.outcomes(api, "github-default-branch-reviews", org + "/")).containsEntry(org + "/api", "pass")
                .containsEntry(org + "/web", "fail");
        assertThat(ProviderFixtures.outcomes(api, "github-dependabot-alerts", org + "/")).containsEntry(org + "/web", "fail")
                .containsEntry(org + "/api", "pass");
        assertThat(ProviderFixtures.outcomes(api, "github-no-open-critical-alerts", org + "/")).containsEntry(org + "/web", "fail");
        assertThat(ProviderFixtures.outcomes(api, "github-no-stale-deploy-keys", org + "/")).containsEntry(org + "/api", "fail");
        assertThat(ProviderFixtures.outcomes(api, "github-push-protection", org + "/")).containsEntry(org + "/web", "fail");
        assertThat(ProviderFixtures.outcomes(api, "github-default-permission-not-write", org)).containsEntry(org, "fail");
        var findings = api.get("/api/v1/findings?check=github-org-requires-2fa&status=open");
        assertThat(findings.body()).contains(org);

        var test = api.postJson("/api/v1/connections/" + id + "/test", "");
        assertThat(test.json().get("ok").asBoolean()).as(test.body()).isFalse();
        assertThat(test.json().get("message").asText()).contains("1 permission is missing");
        assertThat(test.json().get("missingPermissions").get(0).asText()).contains("Secret scanning alerts: read");
    }

    @Test
    void aWrongGitHubTokenIsOneSentenceAndAnAppIsExchangedForAnInstallationToken() throws Exception {
        String bad = "bad-" + ProviderFixtures.suffix();
        server.stubFor(get(urlPathEqualTo("/orgs/" + bad)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Bad credentials\", \"documentation_url\": \"https://docs.github.com/rest\"}")));
        String id = ProviderFixtures.connection(api(), "github", base() + "/orgs/" + bad, "{\"token\": \"ghp_revoked\"}");
        var test = api().postJson("/api/v1/connections/" + id + "/test", "");
        assertThat(test.json().get("ok").asBoolean()).isFalse();
        assertThat(test.json().get("message").asText()).startsWith("GitHub refused the token").contains("Bad credentials")
                .doesNotContain("Exception");

        String org = "app-" + ProviderFixtures.suffix();
        github(org);
        KeyPair keys = ProviderFixtures.rsa();
        server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/installation")).willReturn(okJson("{\"id\": 4242, \"app_id\": 99}")));
        server.stubFor(post(urlPathEqualTo("/app/installations/4242/access_tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"token\": \"ghs_installation\", \"expires_at\": \"2099-01-01T00:00:00Z\"}")));
        String app = ProviderFixtures.connection(api(), "github", base() + "/orgs/" + org,
                "{\"appId\": \"99\", \"privateKey\": " + JsonMapper.builder().build().writeValueAsString(ProviderFixtures.pem(keys)) + "}");

        ConnectionRun run = run(app);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("succeeded");
        server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/orgs/" + org + "/repos"))
                .withHeader("Authorization", equalTo("Bearer ghs_installation")));
        String jwt = server.findAll(postRequestedFor(urlPathEqualTo("/app/installations/4242/access_tokens"))).get(0)
                .getHeader("Authorization").substring("Bearer ".length());
        assertThat(verifies(jwt, keys)).as("the App's JWT is signed with its key").isTrue();
        JsonNode claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("99");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(600);
    }

    private static boolean verifies(String jwt, KeyPair keys) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(keys.getPublic());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    // ---- Okta

    @Test
    void anOktaOrgIsReadThroughCursorsAndA429AndFlagsMissingFactorsAndDeactivatedUsersWithApps() {
        String p = "o" + ProviderFixtures.suffix();
        String b = base();
        // Okta lists users by cursor: the Link header's next URL carries after=<id>
        server.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("filter", absent()).withQueryParam("after", absent())
                .willReturn(okJson("""
                        [{"id": "%1$s1", "status": "ACTIVE", "created": "2024-01-01T00:00:00.000Z", "lastLogin": "%2$s",
                          "profile": {"login": "ann@%1$s.example", "email": "ann@%1$s.example", "firstName": "Ann", "lastName": "Admin"}},
                         {"id": "%1$s2", "status": "ACTIVE", "created": "2024-01-01T00:00:00.000Z", "lastLogin": "%2$s",
                          "profile": {"login": "ben@%1$s.example", "email": "ben@%1$s.example"}, "credentials": {"provider": {"type": "OKTA"}}}]"""
                        .formatted(p, recent(3)))
                        .withHeader("Link", "<" + b + "/api/v1/users?limit=200>; rel=\"self\"")
                        .withHeader("Link", "<" + b + "/api/v1/users?after=" + p + "2&limit=200>; rel=\"next\"")));
        long reset = Instant.now().getEpochSecond() + 1;
        server.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo(p + "2")).inScenario("okta " + p)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429).withHeader("X-Rate-Limit-Reset", String.valueOf(reset))
                        .withHeader("X-Rate-Limit-Remaining", "0").withHeader("Content-Type", "application/json")
                        .withBody("{\"errorCode\": \"E0000047\", \"errorSummary\": \"API call exceeded rate limit due to too many requests.\"}"))
                .willSetStateTo("reset"));
        server.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo(p + "2")).inScenario("okta " + p)
                .whenScenarioStateIs("reset").willReturn(okJson("""
                        [{"id": "%1$s3", "status": "SUSPENDED", "profile": {"login": "cat@%1$s.example"}}]""".formatted(p))));
        server.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("filter", equalTo("status eq \"DEPROVISIONED\""))
                .willReturn(okJson("""
                        [{"id": "%1$s4", "status": "DEPROVISIONED", "profile": {"login": "dan@%1$s.example"}}]""".formatted(p))));
        server.stubFor(get(urlPathEqualTo("/api/v1/iam/assignees/users")).willReturn(okJson("""
                {"value": [{"id": "%s1", "orn": "orn:okta:directory:00o1:users:%s1"}], "_links": {}}""".formatted(p, p))));
        server.stubFor(get(urlPathEqualTo("/api/v1/users/" + p + "1/roles")).willReturn(okJson("""
                [{"id": "ra1", "label": "Super Administrator", "type": "SUPER_ADMIN", "status": "ACTIVE", "assignmentType": "USER"}]""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/users/" + p + "1/factors")).willReturn(okJson("""
                [{"id": "f1", "factorType": "token:software:totp", "provider": "GOOGLE", "status": "ACTIVE"}]""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/users/" + p + "2/factors")).willReturn(okJson("""
                [{"id": "f2", "factorType": "sms", "provider": "OKTA", "status": "PENDING_ACTIVATION"}]""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/users/" + p + "3/factors")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/apps")).withQueryParam("filter", equalTo("user.id eq \"" + p + "4\""))
                .willReturn(okJson("[{\"id\": \"0oa1\", \"label\": \"Salesforce\", \"status\": \"ACTIVE\"}]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/policies")).withQueryParam("type", equalTo("PASSWORD")).willReturn(okJson("""
                [{"id": "%s-pol", "type": "PASSWORD", "name": "Default Policy", "status": "ACTIVE", "priority": 1, "system": true,
                  "settings": {"password": {"complexity": {"minLength": 8, "dictionary": {"common": {"exclude": false}}},
                                            "age": {"maxAgeDays": 0, "historyCount": 4}, "lockout": {"maxAttempts": 0}}}}]""".formatted(p))));
        String id = ProviderFixtures.connection(api(), "okta", b, "{\"token\": \"00okta-test-token\"}");

        ConnectionRun run = run(id);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("succeeded");
        assertThat(run.error()).isNull();
        server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/users/" + p + "1/factors"))
                .withHeader("Authorization", equalTo("SSWS 00okta-test-token")));
        Http api = api();
        assertThat(ProviderFixtures.outcomes(api, "okta-users-mfa-enrolled", p)).containsEntry(p + "1", "pass").containsEntry(p + "2", "fail")
                .containsEntry(p + "3", "pass");
        assertThat(ProviderFixtures.outcomes(api, "okta-deactivated-no-apps", p)).containsEntry(p + "4", "fail").containsEntry(p + "1", "pass");
        assertThat(ProviderFixtures.outcomes(api, "okta-password-min-length", p)).containsEntry(p + "-pol", "fail");
        assertThat(ProviderFixtures.outcomes(api, "okta-password-lockout", p)).containsEntry(p + "-pol", "fail");
        var users = api.get("/api/v1/resources?type=okta.user&limit=1000");
        assertThat(users.body()).contains("\"superAdmin\":true").contains("Salesforce");

        // a token Okta refuses: one sentence, from the connection test
        server.stubFor(get(urlPathEqualTo("/api/v1/users")).withHost(equalTo("localhost")).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\": \"E0000011\", \"errorSummary\": \"Invalid token provided\", \"errorLink\": \"E0000011\"}")));
        String bad = ProviderFixtures.connection(api, "okta", "http://localhost:" + server.port(), "{\"token\": \"expired\"}");
        var test = api.postJson("/api/v1/connections/" + bad + "/test", "");
        assertThat(test.json().get("ok").asBoolean()).isFalse();
        assertThat(test.json().get("message").asText()).startsWith("Okta refused the API token").contains("Invalid token provided");
    }

    // ---- Google Workspace

    @Test
    void aGoogleWorkspaceIsReadAsAServiceAccountActingAsTheAdminAndAMissingReportsScopeIsNamed() throws Exception {
        String domain = "g" + ProviderFixtures.suffix() + ".example";
        KeyPair keys = ProviderFixtures.rsa();
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\": \"ya29.test\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        String users = "/admin/directory/v1/users";
        server.stubFor(get(urlPathEqualTo(users)).withQueryParam("pageToken", absent()).withHeader("Authorization", equalTo("Bearer ya29.test"))
                .willReturn(okJson("""
                        {"kind": "admin#directory#users", "nextPageToken": "page-2", "users": [
                          {"id": "1", "primaryEmail": "root@%1$s", "name": {"fullName": "Root Admin"}, "isAdmin": true, "isDelegatedAdmin": false,
                           "suspended": false, "archived": false, "isEnrolledIn2Sv": true, "isEnforcedIn2Sv": true,
                           "lastLoginTime": "%2$s", "creationTime": "2023-01-01T00:00:00.000Z", "orgUnitPath": "/"},
                          {"id": "2", "primaryEmail": "nomfa@%1$s", "isAdmin": false, "suspended": false, "isEnrolledIn2Sv": false,
                           "isEnforcedIn2Sv": false, "lastLoginTime": "%2$s", "creationTime": "2023-01-01T00:00:00.000Z"}]}"""
                        .formatted(domain, recent(1)))));
        server.stubFor(get(urlPathEqualTo(users)).withQueryParam("pageToken", equalTo("page-2")).willReturn(okJson("""
                {"users": [
                  {"id": "3", "primaryEmail": "gone@%1$s", "suspended": true, "isEnrolledIn2Sv": false, "lastLoginTime": "1970-01-01T00:00:00.000Z",
                   "creationTime": "2020-01-01T00:00:00.000Z"},
                  {"id": "4", "primaryEmail": "new@%1$s", "isEnrolledIn2Sv": true, "isEnforcedIn2Sv": true, "recoveryPhone": "+1", "someNewThing": [1, 2],
                   "creationTime": "%2$s"}]}""".formatted(domain, recent(2)))));
        server.stubFor(get(urlPathEqualTo("/admin/reports/v1/usage/users/all/dates/" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2)))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 403, "message": "Request had insufficient authentication scopes.",
                          "errors": [{"message": "Insufficient Permission", "domain": "global", "reason": "insufficientPermissions"}],
                          "status": "PERMISSION_DENIED"}}""")));
        String id = ProviderFixtures.connection(api(), "google-workspace", base() + "/" + domain,
                ProviderFixtures.googleSecrets(ProviderFixtures.serviceAccountKey(keys, base() + "/token"), "root@" + domain));

        ConnectionRun run = run(id);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("succeeded");
        assertThat(run.error()).contains("https://www.googleapis.com/auth/admin.reports.usage.readonly").contains("insufficient authentication scopes");
        var request = server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        String assertion = java.net.URLDecoder.decode(request.getBodyAsString().replaceAll(".*assertion=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertThat(verifies(assertion, keys)).isTrue();
        JsonNode claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("root@" + domain);
        assertThat(claims.get("scope").asText()).contains("admin.directory.user.readonly");
        Http api = api();
        assertThat(ProviderFixtures.outcomes(api, "google-users-2sv-enrolled", "")).containsEntry("nomfa@" + domain, "fail")
                .containsEntry("root@" + domain, "pass").containsEntry("gone@" + domain, "pass").containsEntry("new@" + domain, "pass");
        assertThat(ProviderFixtures.outcomes(api, "google-super-admins-at-least-2", domain)).containsEntry(domain, "fail");
        assertThat(ProviderFixtures.outcomes(api, "google-inactive-users", "")).containsEntry("new@" + domain, "pass");

        // a key Google no longer knows: one sentence
        server.stubFor(post(urlPathEqualTo("/token-revoked")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));
        String bad = ProviderFixtures.connection(api, "google-workspace", base() + "/" + domain,
                ProviderFixtures.googleSecrets(ProviderFixtures.serviceAccountKey(keys, base() + "/token-revoked"), "root@" + domain));
        var test = api.postJson("/api/v1/connections/" + bad + "/test", "");
        assertThat(test.json().get("ok").asBoolean()).isFalse();
        assertThat(test.json().get("message").asText()).startsWith("Google refused the service account key").contains("Invalid JWT Signature");
    }

    // ---- Entra ID

    @Test
    void anEntraTenantIsReadThroughNextLinksA429AndA503AndAMissingPolicyPermissionIsNamed() {
        String tenant = UUID.randomUUID().toString();
        String p = tenant.substring(0, 8);
        String b = base() + "/" + tenant;
        server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(okJson("""
                {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": "eyJ0eXAi.graph.token"}""")));
        server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", absent()).willReturn(okJson("""
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "@odata.nextLink": "%3$s/v1.0/users?$skiptoken=X2",
                 "value": [
                  {"id": "%1$s-admin", "displayName": "Ada Admin", "userPrincipalName": "ada@contoso.example", "mail": "ada@contoso.example",
                   "accountEnabled": true, "userType": "Member", "createdDateTime": "2023-01-01T00:00:00Z",
                   "signInActivity": {"lastSignInDateTime": "%2$s", "lastNonInteractiveSignInDateTime": null}},
                  {"id": "%1$s-guest", "displayName": "Gus Guest", "userPrincipalName": "gus_partner.example#EXT#@contoso.example",
                   "accountEnabled": true, "userType": "Guest", "createdDateTime": "2023-01-01T00:00:00Z"},
                  {"id": "%1$s-user", "userPrincipalName": "uma@contoso.example", "accountEnabled": true, "userType": "Member",
                   "signInActivity": {"lastSignInDateTime": "%2$s"}}]}""".formatted(p, recent(2), base()))));
        server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("X2")).willReturn(okJson("""
                {"value": [{"id": "%s-off", "userPrincipalName": "old@contoso.example", "accountEnabled": false, "userType": "Member"}]}"""
                .formatted(p))));
        String registration = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
        server.stubFor(get(urlPathEqualTo(registration)).inScenario("mfa " + p).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"serviceNotAvailable\", \"message\": \"Service unavailable\"}}")).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo(registration)).inScenario("mfa " + p).whenScenarioStateIs("up").willReturn(okJson("""
                {"value": [{"id": "%1$s-admin", "userPrincipalName": "ada@contoso.example", "isAdmin": true, "isMfaRegistered": true,
                            "isMfaCapable": true, "methodsRegistered": ["microsoftAuthenticatorPush", "fido2"]},
                           {"id": "%1$s-user", "isMfaRegistered": false, "methodsRegistered": []}]}""".formatted(p))));
        String roles = "/v1.0/directoryRoles";
        server.stubFor(get(urlPathEqualTo(roles)).inScenario("roles " + p).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Too many requests\"}}")).willSetStateTo("calm"));
        server.stubFor(get(urlPathEqualTo(roles)).inScenario("roles " + p).whenScenarioStateIs("calm").willReturn(okJson("""
                {"value": [{"id": "r1", "displayName": "Global Administrator", "roleTemplateId": "62e90394-69f5-4237-9190-012177145e10",
                            "members": [{"@odata.type": "#microsoft.graph.user", "id": "%1$s-admin"}]},
                           {"id": "r2", "displayName": "User Administrator", "roleTemplateId": "fe930be7-5e62-47db-91af-98c3a49a38b1",
                            "members": [{"@odata.type": "#microsoft.graph.user", "id": "%1$s-guest"}]}]}""".formatted(p))));
        server.stubFor(get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": "Authorization_RequestDenied", "message": "Insufficient privileges to complete the operation.",
                          "innerError": {"request-id": "1"}}}""")));
        String id = ProviderFixtures.connection(api(), "entra", b, "{\"clientId\": \"app-1\", \"clientSecret\": \"s3cret\"}");

        ConnectionRun run = run(id);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("succeeded");
        assertThat(run.error()).contains("1 problem").contains("Policy.Read.All").contains("Authorization_RequestDenied");
        server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(roles))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.graph.token")));
        Http api = api();
        assertThat(ProviderFixtures.outcomes(api, "entra-users-mfa-registered", p)).containsEntry(p + "-admin", "pass")
                .containsEntry(p + "-user", "fail").containsEntry(p + "-guest", "pass").containsEntry(p + "-off", "pass");
        assertThat(ProviderFixtures.outcomes(api, "entra-guests-no-roles", p)).containsEntry(p + "-guest", "fail");
        assertThat(ProviderFixtures.outcomes(api, "entra-global-admins-at-least-2", tenant)).containsEntry(tenant, "fail");
        assertThat(ProviderFixtures.outcomes(api, "entra-global-admins-at-most-4", tenant)).containsEntry(tenant, "pass");

        // an expired client secret: one sentence
        String other = UUID.randomUUID().toString();
        server.stubFor(post(urlPathEqualTo("/" + other + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "invalid_client", "error_description": "AADSTS7000222: The provided client secret keys for app 'app-1' are expired.",
                         "error_codes": [7000222]}""")));
        String bad = ProviderFixtures.connection(api, "entra", base() + "/" + other, "{\"clientId\": \"app-1\", \"clientSecret\": \"old\"}");
        var test = api.postJson("/api/v1/connections/" + bad + "/test", "");
        assertThat(test.json().get("ok").asBoolean()).isFalse();
        assertThat(test.json().get("message").asText()).startsWith("Microsoft refused the client secret: it has expired");
    }

    @Test
    void aProviderThatKeepsFailingIsAFailedRunAndBadTargetsAreRefused() {
        String org = "down-" + ProviderFixtures.suffix();
        server.stubFor(get(urlPathEqualTo("/orgs/" + org)).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        String id = ProviderFixtures.connection(api(), "github", base() + "/orgs/" + org, "{\"token\": \"t\"}");

        ConnectionRun run = run(id);

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("GitHub failed on /orgs/" + org).contains("502").doesNotContain("Exception");
        assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/orgs/" + org))))
                // the first try and four retries; on the shared PostgreSQL database another run of the same connection
                // was seen starting beside this one (two CI runs saw seven requests), so the run's own count is a floor
                .as("retried before giving up").hasSizeGreaterThanOrEqualTo(5);

        for (String[] bad : new String[][]{{"github", "not an org!"}, {"okta", "https://acme.okta.com/api/v1"}, {"entra", "not-a-tenant"},
                {"google-workspace", "nodot"}, {"okta", "http://example.com"}}) {
            var response = api().postJson("/api/v1/connections", """
                    {"name": "bad", "kind": "%s", "target": "%s"}""".formatted(bad[0], bad[1]));
            assertThat(response.status()).as(bad[0] + " " + bad[1]).isEqualTo(400);
            assertThat(response.body()).contains("target");
        }
        var setup = api().get("/api/v1/connection-kinds/entra/setup");
        assertThat(setup.body()).contains("Policy.Read.All").contains("AuditLog.Read.All").contains("RoleManagement.Read.Directory");
        assertThat(api().get("/api/v1/connection-kinds/google-workspace/setup").body()).contains("admin.directory.user.readonly");
        assertThat(api().get("/api/v1/connection-kinds/github/setup").body()).contains("Administration: Read-only");
        assertThat(api().get("/api/v1/connection-kinds/okta/setup").body()).contains("Read-Only Administrator");
    }
}
