package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.CredentialField;
import dev.attest.monitoring.internal.CredentialField.Input;
import dev.attest.monitoring.internal.CollectorTargets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Microsoft Entra ID tenant through Microsoft Graph, read-only, as an app registration with a client
 * secret (client-credentials token): users ({@code entra.user}: enabled, guest, last sign-in, MFA methods
 * registered, directory roles), conditional access policies ({@code entra.conditional_access_policy}) and
 * a summary ({@code entra.tenant}: Global Administrator count, whether MFA is required of everyone).
 * <p>
 * Secrets: {@code clientId} and {@code clientSecret}. The JDK's HTTP client is used rather than the Graph
 * SDK, whose generated client is large for these few reads.
 */
@Component
public class EntraCollector extends RestCollector {

    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    static final String USERS = "User.Read.All";
    static final String SIGN_INS = "AuditLog.Read.All";
    static final String ROLES = "RoleManagement.Read.Directory";
    static final String POLICIES = "Policy.Read.All";
    static final String LOGIN = "https://login.microsoftonline.com";

    EntraCollector(ProviderApi api) {
        super(api, "Microsoft Graph");
    }

    @Override
    public Description description() {
        return Description.of("entra", "the tenant id (a GUID) or its domain, e.g. contoso.onmicrosoft.com",
                        "entra.tenant", "entra.user", "entra.conditional_access_policy")
                .withCredentials(
                        CredentialField.of("clientId", "Client id", Input.TEXT, "the app registration's Application (client) ID"),
                        CredentialField.of("clientSecret", "Client secret", Input.PASSWORD, "the secret's value, not its id"))
                .withSetup(
                        new SetupStep("Register an application",
                                "In the Entra admin center: App registrations › New registration (single tenant, no redirect URI). Note the "
                                        + "Application (client) ID as the secret 'clientId'; under Certificates & secrets add a client secret and "
                                        + "give its value as 'clientSecret'.", null),
                        new SetupStep("Grant these Microsoft Graph application permissions",
                                "API permissions › Add a permission › Microsoft Graph › Application permissions, then Grant admin consent. "
                                        + "AuditLog.Read.All gives last sign-ins and MFA registration (sign-ins need Entra ID P1).",
                                String.join("\n", USERS, SIGN_INS, ROLES, POLICIES)),
                        new SetupStep("Target", "The tenant (directory) id.", "00000000-0000-0000-0000-000000000000"));
    }

    private Session session(String target, Map<String, String> secrets) throws CollectionFailed {
        CollectorTargets.ApiTarget api = target(target);
        String clientId = required(secrets, "client id", "clientId", "username");
        String clientSecret = required(secrets, "client secret", "clientSecret", "password");
        boolean overridden = !api.base().getHost().equals("graph.microsoft.com");
        // A base URL in the target serves both the sign-in endpoint and Graph (a test server, a proxy).
        URI login = overridden ? api.base() : URI.create(LOGIN);
        JsonNode token;
        try {
            token = this.api.postForm(provider(), at(login, "/" + api.name() + "/oauth2/v2.0/token"), Map.of("client_id", clientId,
                    "client_secret", clientSecret, "scope", (overridden ? api.base() : URI.create("https://graph.microsoft.com")) + "/.default",
                    "grant_type", "client_credentials"), Map.of()).body();
        } catch (ProviderApi.ApiError e) {
            String said = e.getMessage();
            if (said.contains("AADSTS7000222")) {
                throw new CollectionFailed("Microsoft refused the client secret: it has expired (" + said + ")");
            }
            if (said.contains("AADSTS90002") || said.contains("AADSTS900023")) {
                throw new CollectionFailed("Microsoft knows no tenant '" + api.name() + "' (" + said + ")");
            }
            if (e.status() == 400 || e.status() == 401) {
                throw new CollectionFailed("Microsoft refused the client id or secret as wrong or expired (" + said + ")");
            }
            throw e;
        }
        String access = text(token.path("access_token"));
        if (access == null) {
            throw new CollectionFailed("Microsoft's token endpoint answered without an access token");
        }
        return session(api, "Bearer " + access);
    }

    private List<JsonNode> list(Session s, String path) throws CollectionFailed {
        return s.all(path, r -> r.body().path("value"),
                r -> text(r.body().path("@odata.nextLink")) == null ? null : URI.create(r.body().path("@odata.nextLink").asText()));
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Session s = session(target, secrets);
        Reads reads = new Reads(progress);
        progress.report("reading users");
        String select = "/v1.0/users?$top=999&$select=id,displayName,userPrincipalName,mail,accountEnabled,userType,createdDateTime";
        List<JsonNode> users = reads.optional(SIGN_INS, "last sign-ins (signInActivity, which also needs Entra ID P1)",
                () -> list(s, select + ",signInActivity"), null);
        if (users == null) {
            users = list(s, select);
        }
        progress.report("reading MFA registration");
        Map<String, JsonNode> registration = new HashMap<>();
        for (JsonNode detail : reads.optional(SIGN_INS, "MFA registration (authentication methods)",
                () -> list(s, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999"), List.<JsonNode>of())) {
            registration.put(detail.path("id").asText(), detail);
        }
        boolean mfaKnown = !reads.refused(SIGN_INS);
        progress.report("reading directory roles");
        Map<String, Set<String>> roles = new HashMap<>();
        Map<String, Boolean> globalAdmins = new HashMap<>();
        for (JsonNode role : reads.optional(ROLES, "directory roles", () -> list(s, "/v1.0/directoryRoles?$expand=members"), List.<JsonNode>of())) {
            String name = role.path("displayName").asText();
            boolean global = GLOBAL_ADMINISTRATOR.equals(role.path("roleTemplateId").asText());
            for (JsonNode member : role.path("members")) {
                String id = member.path("id").asText();
                roles.computeIfAbsent(id, k -> new TreeSet<>()).add(name);
                if (global) {
                    globalAdmins.put(id, true);
                }
            }
        }
        boolean rolesKnown = !reads.refused(ROLES);

        List<Resource> resources = new ArrayList<>();
        long guests = 0;
        for (JsonNode user : users) {
            String id = user.path("id").asText();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", id);
            copy(d, "userPrincipalName", user.path("userPrincipalName"));
            copy(d, "mail", user.path("mail"));
            copy(d, "displayName", user.path("displayName"));
            d.put("accountEnabled", user.path("accountEnabled").asBoolean(true));
            boolean guest = "Guest".equalsIgnoreCase(user.path("userType").asText("Member"));
            d.put("guest", guest);
            guests += guest ? 1 : 0;
            copy(d, "createdAt", user.path("createdDateTime"));
            JsonNode activity = user.path("signInActivity");
            copy(d, "lastSignInAt", activity.path("lastSignInDateTime"));
            if (!activity.path("lastNonInteractiveSignInDateTime").isMissingNode()) {
                copy(d, "lastNonInteractiveSignInAt", activity.path("lastNonInteractiveSignInDateTime"));
            }
            JsonNode mfa = registration.get(id);
            if (mfa != null) {
                d.put("mfaRegistered", mfa.path("isMfaRegistered").asBoolean(false));
                d.put("authenticationMethods", texts(mfa.path("methodsRegistered"), null));
            } else if (mfaKnown) {
                d.put("mfaRegistered", false);
                d.put("authenticationMethods", List.of());
            }
            if (rolesKnown) {
                d.put("directoryRoles", new ArrayList<>(roles.getOrDefault(id, Set.of())));
                d.put("globalAdministrator", globalAdmins.getOrDefault(id, false));
                d.put("privileged", roles.containsKey(id));
            }
            resources.add(new Resource("entra.user", id, d));
        }

        progress.report("reading conditional access policies");
        boolean mfaForEveryone = false;
        List<JsonNode> policies = reads.optional(POLICIES, "conditional access policies",
                () -> list(s, "/v1.0/identity/conditionalAccess/policies"), null);
        for (JsonNode policy : policies == null ? List.<JsonNode>of() : policies) {
            Map<String, Object> d = new LinkedHashMap<>();
            copy(d, "id", policy.path("id"));
            copy(d, "displayName", policy.path("displayName"));
            String state = policy.path("state").asText();
            d.put("state", state);
            List<String> controls = texts(policy.path("grantControls").path("builtInControls"), null);
            boolean requiresMfa = controls.contains("mfa")
                    || !policy.path("grantControls").path("authenticationStrength").isMissingNode() && !policy.path("grantControls").path("authenticationStrength").isNull();
            d.put("requiresMfa", requiresMfa);
            d.put("grantControls", controls);
            List<String> includeUsers = texts(policy.path("conditions").path("users").path("includeUsers"), null);
            List<String> includeApps = texts(policy.path("conditions").path("applications").path("includeApplications"), null);
            d.put("allUsers", includeUsers.contains("All"));
            d.put("allApplications", includeApps.contains("All"));
            d.put("excludedUsers", (long) texts(policy.path("conditions").path("users").path("excludeUsers"), null).size());
            if ("enabled".equals(state) && requiresMfa && includeUsers.contains("All") && includeApps.contains("All")) {
                mfaForEveryone = true;
            }
            resources.add(new Resource("entra.conditional_access_policy", policy.path("id").asText(), d));
        }
        Boolean securityDefaults = reads.optional(POLICIES, "security defaults",
                () -> s.get("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy").body().path("isEnabled").asBoolean(false), null);

        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("tenant", s.name());
        tenant.put("users", (long) users.size());
        tenant.put("guests", guests);
        if (rolesKnown) {
            tenant.put("globalAdministrators", (long) globalAdmins.size());
        }
        if (securityDefaults != null) {
            tenant.put("securityDefaults", securityDefaults);
        }
        if (policies != null) {
            tenant.put("mfaRequiredForAllUsers", mfaForEveryone || Boolean.TRUE.equals(securityDefaults));
        }
        resources.add(new Resource("entra.tenant", s.name(), tenant));
        return resources;
    }

    @Override
    public List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        Session s = session(target, secrets);
        return probe(List.of(
                new Probe(USERS, () -> s.get("/v1.0/users?$top=1&$select=id")),
                new Probe(SIGN_INS, () -> s.get("/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=1")),
                new Probe(ROLES, () -> s.get("/v1.0/directoryRoles")),
                new Probe(POLICIES, () -> s.get("/v1.0/identity/conditionalAccess/policies"))));
    }
}
