package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.CredentialField;
import dev.attest.monitoring.internal.CredentialField.Input;
import dev.attest.monitoring.internal.CollectorTargets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google Workspace through the Admin SDK, read-only, as a service account with domain-wide delegation
 * impersonating an admin: users ({@code google.user}: admin and super admin, suspended, archived,
 * 2-Step Verification enrolled and enforced, last sign-in, and from the Reports API the apps authorised
 * with their account) and a summary ({@code google.workspace}).
 * <p>
 * Secrets: {@code serviceAccountKey} (the key file's JSON) and {@code adminEmail}. The assertion for the
 * key's token endpoint is signed with the JDK (RS256); the JDK's HTTP client does the rest, so no Google
 * client library (and its transport stack) is needed.
 */
@Component
public class GoogleWorkspaceCollector extends RestCollector {

    static final String USER_SCOPE = "https://www.googleapis.com/auth/admin.directory.user.readonly";
    static final String REPORTS_SCOPE = "https://www.googleapis.com/auth/admin.reports.usage.readonly";
    static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
    static final String NEVER = "1970-01-01T00:00:00.000Z";

    private final CollectorTargets targets;
    private final Clock clock;

    GoogleWorkspaceCollector(ProviderApi api, CollectorTargets targets, Clock clock) {
        super(api, "Google");
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public Description description() {
        return Description.of("google-workspace", "the primary domain, e.g. example.com", "google.workspace", "google.user")
                .withCredentials(
                        CredentialField.of("adminEmail", "Admin email to act as", Input.TEXT, "an admin who can read users and reports"),
                        CredentialField.of("serviceAccountKey", "Service account key (JSON)", Input.SERVICE_ACCOUNT_JSON,
                                "the JSON key file of the service account with domain-wide delegation"))
                .withSetup(
                        new SetupStep("Create a service account and a key",
                                "In a Google Cloud project: enable the Admin SDK API, create a service account (no project roles), and add a JSON "
                                        + "key. Give Attest the whole key file as the secret 'serviceAccountKey'.", null),
                        new SetupStep("Grant domain-wide delegation with these scopes only",
                                "In the Admin console: Security › Access and data control › API controls › Manage domain-wide delegation › "
                                        + "Add new: the service account's client ID and these read-only scopes (comma-separated).",
                                USER_SCOPE + "," + REPORTS_SCOPE),
                        new SetupStep("Name the admin to act as",
                                "Domain-wide delegation acts as a user: give the email of an admin who can read users and reports (a custom "
                                        + "role with Users › Read and Reports is enough) as the secret 'adminEmail'.", "admin@example.com"),
                        new SetupStep("Target", "The primary domain.", "example.com"));
    }

    private Session session(String target, Map<String, String> secrets, String... scopes) throws CollectionFailed {
        return session(target(target), "Bearer " + token(secrets, scopes));
    }

    /** An access token from the key's token endpoint for a JWT assertion (the service account acting as the admin). */
    private String token(Map<String, String> secrets, String... scopes) throws CollectionFailed {
        String keyJson = required(secrets, "service account key", "serviceAccountKey", "password");
        String admin = required(secrets, "admin email to act as", "adminEmail", "username");
        JsonNode key;
        try {
            key = ProviderApi.JSON.readTree(keyJson);
        } catch (RuntimeException e) {
            throw new CollectionFailed("the service account key is not the JSON key file Google gives");
        }
        String email = text(key.path("client_email"));
        String privateKey = text(key.path("private_key"));
        if (email == null || privateKey == null) {
            throw new CollectionFailed("the service account key has no client_email or private_key: give the JSON key file");
        }
        String tokenUri = key.path("token_uri").asText(DEFAULT_TOKEN_URI);
        if (!tokenUri.equals(DEFAULT_TOKEN_URI)) {
            try {
                targets.checkUrl(tokenUri);
            } catch (CollectorTargets.Refused e) {
                throw new CollectionFailed("the key's token_uri is refused: " + e.getMessage());
            }
        }
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", email);
        claims.put("sub", admin);
        claims.put("scope", String.join(" ", scopes));
        claims.put("aud", tokenUri);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        String assertion = ProviderJwt.rs256(claims, privateKey, "service account private key");
        try {
            JsonNode token = api.postForm(provider(), URI.create(tokenUri),
                    Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion), Map.of()).body();
            String access = text(token.path("access_token"));
            if (access == null) {
                throw new CollectionFailed("Google's token endpoint answered without an access token");
            }
            return access;
        } catch (ProviderApi.ApiError e) {
            if ("unauthorized_client".equals(e.code())) {
                throw new CollectionFailed("Google refused the service account: domain-wide delegation is not granted for the scopes "
                        + String.join(", ", scopes) + " (" + e.getMessage() + ")");
            }
            if ("invalid_grant".equals(e.code())) {
                throw new CollectionFailed("Google refused the service account key or the admin " + admin
                        + ": the key is deleted or wrong, or the admin does not exist (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Session s;
        boolean reports = true;
        try {
            s = session(target, secrets, USER_SCOPE, REPORTS_SCOPE);
        } catch (CollectionFailed e) {
            if (!e.getMessage().contains("domain-wide delegation")) {
                throw e;
            }
            // Without the Reports scope the users can still be read: say what is missing and go on.
            s = session(target, secrets, USER_SCOPE);
            reports = false;
            progress.problem("missing scope " + REPORTS_SCOPE + ": could not read authorised apps from the Reports API");
        }
        Session session = s;
        Reads reads = new Reads(progress);
        progress.report("reading users");
        List<JsonNode> users = s.all("/admin/directory/v1/users?customer=my_customer&maxResults=500&projection=basic",
                r -> r.body().path("users"), r -> next(session, r, "/admin/directory/v1/users?customer=my_customer&maxResults=500&projection=basic"));
        Map<String, JsonNode> usage = new HashMap<>();
        if (reports) {
            progress.report("reading the usage report");
            String date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(2).toString();
            String path = "/admin/reports/v1/usage/users/all/dates/" + date + "?parameters="
                    + URLEncoder.encode("accounts:num_authorized_apps,accounts:is_2sv_enrolled", StandardCharsets.UTF_8);
            for (JsonNode report : reads.optional(REPORTS_SCOPE, "the Reports API's user usage",
                    () -> session.all(path, r -> r.body().path("usageReports"), r -> next(session, r, path)),
                    List.<JsonNode>of())) {
                usage.put(report.path("entity").path("userEmail").asText().toLowerCase(java.util.Locale.ROOT), report.path("parameters"));
            }
        }
        List<Resource> resources = new ArrayList<>();
        long superAdmins = 0;
        long active = 0;
        long enrolled = 0;
        for (JsonNode user : users) {
            Map<String, Object> d = new LinkedHashMap<>();
            String id = user.path("id").asText();
            String email = user.path("primaryEmail").asText();
            d.put("id", id);
            d.put("primaryEmail", email);
            copy(d, "name", user.path("name").path("fullName"));
            d.put("superAdmin", user.path("isAdmin").asBoolean(false));
            d.put("delegatedAdmin", user.path("isDelegatedAdmin").asBoolean(false));
            d.put("suspended", user.path("suspended").asBoolean(false));
            d.put("archived", user.path("archived").asBoolean(false));
            d.put("active", !user.path("suspended").asBoolean(false) && !user.path("archived").asBoolean(false));
            copy(d, "twoStepEnrolled", user.path("isEnrolledIn2Sv"));
            copy(d, "twoStepEnforced", user.path("isEnforcedIn2Sv"));
            copy(d, "orgUnitPath", user.path("orgUnitPath"));
            copy(d, "createdAt", user.path("creationTime"));
            String last = text(user.path("lastLoginTime"));
            if (last != null && !last.equals(NEVER)) {
                d.put("lastLoginAt", last);
            }
            JsonNode parameters = usage.get(email.toLowerCase(java.util.Locale.ROOT));
            if (parameters != null) {
                for (JsonNode parameter : parameters) {
                    if ("accounts:num_authorized_apps".equals(parameter.path("name").asText())) {
                        d.put("authorizedApps", parameter.path("intValue").asLong(0));
                    }
                }
            }
            superAdmins += user.path("isAdmin").asBoolean(false) ? 1 : 0;
            boolean isActive = Boolean.TRUE.equals(d.get("active"));
            active += isActive ? 1 : 0;
            enrolled += isActive && user.path("isEnrolledIn2Sv").asBoolean(false) ? 1 : 0;
            resources.add(new Resource("google.user", email, d));
        }
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("domain", s.name());
        workspace.put("users", (long) users.size());
        workspace.put("activeUsers", active);
        workspace.put("activeUsersEnrolledIn2sv", enrolled);
        workspace.put("superAdmins", superAdmins);
        resources.add(new Resource("google.workspace", s.name(), workspace));
        return resources;
    }

    /** Google pages with a nextPageToken in the body, to be sent back as pageToken with the same query. */
    private static URI next(Session s, ProviderApi.Response response, String path) {
        String token = text(response.body().path("nextPageToken"));
        return token == null || token.isEmpty() ? null : at(s.base(), path + "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @Override
    public List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        // A token for the users scope alone must work; then each further scope is asked for on its own.
        Session s = session(target, secrets, USER_SCOPE);
        List<String> missing = new ArrayList<>(probe(List.of(new Probe(USER_SCOPE + " (an admin who can read users)",
                () -> s.get("/admin/directory/v1/users?customer=my_customer&maxResults=1")))));
        try {
            token(secrets, REPORTS_SCOPE);
        } catch (CollectionFailed e) {
            missing.add(REPORTS_SCOPE + " (" + e.getMessage() + ")");
        }
        return missing;
    }
}
