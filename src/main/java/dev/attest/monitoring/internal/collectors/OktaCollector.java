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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Okta org through the Management API with an API token (secret {@code token}), read-only: users and
 * their status, enrolled factors and admin roles ({@code okta.user}; deactivated users with the apps
 * still assigned to them), password policies ({@code okta.password_policy}) and a summary ({@code okta.org}).
 * The JDK's HTTP client is used: Okta's Java SDK would bring a generated client for a handful of reads.
 */
@Component
public class OktaCollector extends RestCollector {

    static final String USERS = "Read-Only Administrator: users (okta.users.read)";
    static final String FACTORS = "Read-Only Administrator: users' factors (okta.users.read)";
    static final String ROLES = "Read-Only Administrator: admin role assignments (okta.roles.read)";
    static final String APPS = "Read-Only Administrator: applications (okta.apps.read)";
    static final String POLICIES = "Read-Only Administrator: policies (okta.policies.read)";

    OktaCollector(ProviderApi api) {
        super(api, "Okta");
    }

    @Override
    public Description description() {
        return Description.of("okta", "the Okta org URL, e.g. https://acme.okta.com", "okta.org", "okta.user", "okta.password_policy")
                .withCredentials(CredentialField.of("token", "API token", Input.PASSWORD, "created by a Read-Only Administrator"))
                .withSetup(
                        new SetupStep("Create a read-only admin for Attest",
                                "In the Admin Console, Security › Administrators › Add administrator: a dedicated service user with only the "
                                        + "Read-Only Administrator role. API tokens inherit the role of the admin who creates them.",
                                "Role: Read-Only Administrator"),
                        new SetupStep("Create an API token as that admin",
                                "Signed in as the service user: Security › API › Tokens › Create token. Give Attest the token value as the "
                                        + "secret 'token'. Okta revokes a token unused for 30 days; the schedule keeps it in use.",
                                "Authorization: SSWS <token>"),
                        new SetupStep("Target", "The org URL, without a path.", "https://acme.okta.com"));
    }

    private Session session(String target, Map<String, String> secrets) throws CollectionFailed {
        CollectorTargets.ApiTarget api = target(target);
        String token = required(secrets, "Okta API token", "token", "password");
        return session(api, "SSWS " + token);
    }

    private List<JsonNode> list(Session s, String path) throws CollectionFailed {
        return s.all(path, r -> r.body(), ProviderApi::linkNext);
    }

    private List<JsonNode> users(Session s, String query) throws CollectionFailed {
        try {
            return list(s, "/api/v1/users?limit=200" + query);
        } catch (ProviderApi.ApiError e) {
            if (e.status() == 401) {
                throw new CollectionFailed("Okta refused the API token: it is wrong, expired or revoked (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    static String filter(String expression) {
        return "&filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Session s = session(target, secrets);
        Reads reads = new Reads(progress);
        progress.report("reading users");
        List<JsonNode> users = new ArrayList<>(users(s, ""));
        // Okta leaves deactivated (DEPROVISIONED) users out of a list without a filter.
        users.addAll(reads.optional(USERS, "deactivated users", () -> users(s, filter("status eq \"DEPROVISIONED\"")), List.of()));

        progress.report("reading admin role assignments");
        Map<String, List<String>> roles = new LinkedHashMap<>();
        List<JsonNode> assignees = reads.optional(ROLES, "admin role assignments",
                () -> s.all("/api/v1/iam/assignees/users?limit=200", r -> r.body().path("value"),
                        r -> text(r.body().path("_links").path("next").path("href")) == null ? null
                                : URI.create(r.body().path("_links").path("next").path("href").asText())), List.of());
        for (JsonNode assignee : assignees) {
            String id = assignee.path("id").asText();
            List<JsonNode> assigned = reads.optional(ROLES, "admin roles", () -> list(s, "/api/v1/users/" + id + "/roles"), List.of());
            roles.put(id, texts(arrayOf(assigned), "type"));
        }

        List<Resource> resources = new ArrayList<>();
        long superAdmins = 0;
        long admins = 0;
        int done = 0;
        for (JsonNode user : users) {
            if (++done % 100 == 0) {
                progress.report("reading factors and apps (" + done + " of " + users.size() + ")");
            }
            String id = user.path("id").asText();
            String status = user.path("status").asText();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", id);
            copy(d, "login", user.path("profile").path("login"));
            copy(d, "email", user.path("profile").path("email"));
            String name = (user.path("profile").path("firstName").asText("") + " " + user.path("profile").path("lastName").asText("")).strip();
            if (!name.isEmpty()) {
                d.put("displayName", name);
            }
            d.put("status", status);
            d.put("active", "ACTIVE".equals(status) || "PASSWORD_EXPIRED".equals(status) || "RECOVERY".equals(status) || "LOCKED_OUT".equals(status));
            copy(d, "created", user.path("created"));
            copy(d, "lastLogin", user.path("lastLogin"));
            copy(d, "passwordChanged", user.path("passwordChanged"));
            List<String> userRoles = roles.getOrDefault(id, List.of());
            d.put("adminRoles", userRoles);
            d.put("admin", !userRoles.isEmpty());
            d.put("superAdmin", userRoles.contains("SUPER_ADMIN"));
            admins += userRoles.isEmpty() ? 0 : 1;
            superAdmins += userRoles.contains("SUPER_ADMIN") ? 1 : 0;
            if ("DEPROVISIONED".equals(status)) {
                List<JsonNode> apps = reads.optional(APPS, "apps assigned to deactivated users",
                        () -> list(s, "/api/v1/apps?limit=200" + filter("user.id eq \"" + id + "\"")), null);
                if (apps != null) {
                    d.put("assignedApps", texts(arrayOf(apps), "label"));
                }
            } else {
                List<JsonNode> factors = reads.optional(FACTORS, "enrolled factors", () -> list(s, "/api/v1/users/" + id + "/factors"), null);
                if (factors != null) {
                    List<String> enrolled = new ArrayList<>();
                    for (JsonNode factor : factors) {
                        if ("ACTIVE".equals(factor.path("status").asText())) {
                            enrolled.add(factor.path("factorType").asText());
                        }
                    }
                    d.put("factors", enrolled);
                    // a password is not a second factor; every other enrolled factor type is
                    d.put("mfaEnrolled", enrolled.stream().anyMatch(f -> !f.equals("password")));
                }
            }
            resources.add(new Resource("okta.user", id, d));
        }

        progress.report("reading password policies");
        for (JsonNode policy : reads.optional(POLICIES, "password policies", () -> list(s, "/api/v1/policies?type=PASSWORD"), List.<JsonNode>of())) {
            Map<String, Object> d = new LinkedHashMap<>();
            copy(d, "id", policy.path("id"));
            copy(d, "name", policy.path("name"));
            copy(d, "status", policy.path("status"));
            copy(d, "priority", policy.path("priority"));
            copy(d, "system", policy.path("system"));
            JsonNode password = policy.path("settings").path("password");
            JsonNode complexity = password.path("complexity");
            copy(d, "minLength", complexity.path("minLength"));
            copy(d, "minLowerCase", complexity.path("minLowerCase"));
            copy(d, "minUpperCase", complexity.path("minUpperCase"));
            copy(d, "minNumber", complexity.path("minNumber"));
            copy(d, "minSymbol", complexity.path("minSymbol"));
            copy(d, "excludeUsername", complexity.path("excludeUsername"));
            copy(d, "commonPasswordCheck", complexity.path("dictionary").path("common").path("exclude"));
            copy(d, "maxAgeDays", password.path("age").path("maxAgeDays"));
            copy(d, "historyCount", password.path("age").path("historyCount"));
            copy(d, "lockoutMaxAttempts", password.path("lockout").path("maxAttempts"));
            resources.add(new Resource("okta.password_policy", policy.path("id").asText(), d));
        }

        Map<String, Object> org = new LinkedHashMap<>();
        org.put("org", s.name());
        org.put("users", (long) users.size());
        if (!reads.refused(ROLES)) {
            org.put("admins", admins);
            org.put("superAdmins", superAdmins);
        }
        resources.add(new Resource("okta.org", s.name(), org));
        return resources;
    }

    private static JsonNode arrayOf(List<JsonNode> nodes) {
        var array = ProviderApi.JSON.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    @Override
    public List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        Session s = session(target, secrets);
        List<JsonNode> one = new ArrayList<>();
        try {
            s.get("/api/v1/users?limit=1").body().forEach(one::add);
        } catch (ProviderApi.ApiError e) {
            if (e.status() == 401) {
                throw new CollectionFailed("Okta refused the API token: it is wrong, expired or revoked (" + e.getMessage() + ")");
            }
            if (e.status() != 403) {
                throw e;
            }
            return List.of(USERS + " (" + e.getMessage() + ")");
        }
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe(ROLES, () -> s.get("/api/v1/iam/assignees/users?limit=1")),
                new Probe(APPS, () -> s.get("/api/v1/apps?limit=1")),
                new Probe(POLICIES, () -> s.get("/api/v1/policies?type=PASSWORD"))));
        if (!one.isEmpty()) {
            String id = one.get(0).path("id").asText();
            probes.add(new Probe(FACTORS, () -> s.get("/api/v1/users/" + id + "/factors")));
        }
        return probe(probes);
    }
}
