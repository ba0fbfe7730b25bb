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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A GitHub organisation through the REST API, read-only: the organisation ({@code github.organization}: 2FA
 * requirement, defaults for new repositories, counts), its members and outside collaborators
 * ({@code github.member}: role, 2FA) and its repositories ({@code github.repository}: default branch
 * protection and rulesets, Dependabot, secret scanning and push protection, deploy keys and their last use,
 * open critical alerts).
 * <p>
 * Credentials: a fine-grained token (secret {@code token}), or a GitHub App (secrets {@code appId} and
 * {@code privateKey}, optional {@code installationId}) whose JWT is exchanged for an installation token.
 * The JDK's HTTP client is used: GitHub's own Java SDK is not official, and the calls are few.
 */
@Component
public class GitHubCollector extends RestCollector {

    static final String ORG_ADMINISTRATION = "organization Administration: read";
    static final String ORG_MEMBERS = "organization Members: read";
    static final String REPO_ADMINISTRATION = "repository Administration: read";
    static final String REPO_METADATA = "repository Metadata: read";
    static final String DEPENDABOT_ALERTS = "repository Dependabot alerts: read";
    static final String SECRET_SCANNING_ALERTS = "repository Secret scanning alerts: read";

    private final Clock clock;

    GitHubCollector(ProviderApi api, Clock clock) {
        super(api);
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "github";
    }

    @Override
    String provider() {
        return "GitHub";
    }

    @Override
    public Set<String> types() {
        return Set.of("github.organization", "github.member", "github.repository");
    }

    @Override
    public List<CredentialField> credentials() {
        String token = "With a fine-grained token";
        String app = "Or as a GitHub App";
        return List.of(
                CredentialField.of("token", "Token", Input.PASSWORD, "a fine-grained personal access token of an organisation owner")
                        .inChoice(token),
                CredentialField.of("appId", "App ID", Input.TEXT, "on the App's settings page").inChoice(app),
                CredentialField.of("installationId", "Installation id", Input.TEXT, "optional: looked up from the organisation if left empty")
                        .inChoice(app),
                CredentialField.of("privateKey", "Private key (PEM)", Input.PRIVATE_KEY_PEM, "the .pem file GitHub gives when you generate a private key")
                        .inChoice(app));
    }

    @Override
    public String targetHint() {
        return "the organisation, e.g. acme (or its API URL, e.g. https://github.example.com/api/v3/orgs/acme)";
    }

    @Override
    public List<SetupStep> setup() {
        return List.of(
                new SetupStep("Create a GitHub App (recommended) or a fine-grained token",
                        "In the organisation's settings, Developer settings › GitHub Apps › New GitHub App (no webhook, no callback), "
                                + "with only these read-only permissions, then install it on all repositories. Give Attest the App ID "
                                + "(secret appId) and a private key (secret privateKey). A fine-grained token (secret token) owned by an "
                                + "organisation owner, with the organisation as resource owner, all repositories and the same permissions, works too.",
                        """
                                Repository permissions:
                                  Administration: Read-only
                                  Metadata: Read-only
                                  Dependabot alerts: Read-only
                                  Secret scanning alerts: Read-only
                                Organization permissions:
                                  Administration: Read-only
                                  Members: Read-only"""),
                new SetupStep("Organisation owner",
                        "GitHub shows the 2FA requirement and who lacks 2FA only to owners: a fine-grained token must belong to an owner; "
                                + "a GitHub App sees them through its organization Administration permission.", null),
                new SetupStep("Target", "The organisation's login, e.g. acme. For GitHub Enterprise Server, its API URL followed by "
                        + "/orgs/<organisation>.", "acme"));
    }

    private record Session(URI base, String org, Map<String, String> headers) {
    }

    private Session session(String target, Map<String, String> secrets) throws CollectionFailed {
        CollectorTargets.ApiTarget api = target(target);
        String token = secret(secrets, "token", "password");
        if (token == null) {
            token = installationToken(api, secrets);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        return new Session(api.base(), api.name(), headers);
    }

    /** A GitHub App's JWT (iss = app id, at most 10 minutes) exchanged for an installation token of the organisation. */
    private String installationToken(CollectorTargets.ApiTarget target, Map<String, String> secrets) throws CollectionFailed {
        String appId = required(secrets, "GitHub App ID or token", "appId", "username");
        String key = required(secrets, "GitHub App private key", "privateKey");
        long now = clock.instant().getEpochSecond();
        String jwt = ProviderJwt.rs256(Map.of("iat", now - 60, "exp", now + 540, "iss", appId), key, "GitHub App private key");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + jwt, "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28");
        String installation = secret(secrets, "installationId");
        if (installation == null) {
            try {
                installation = api.get(provider(), at(target.base(), "/orgs/" + target.name() + "/installation"), headers).body().path("id").asText();
            } catch (ProviderApi.ApiError e) {
                throw new CollectionFailed(e.status() == 404 ? "the GitHub App is not installed on the organisation " + target.name()
                        : e.status() == 401 ? "GitHub refused the App's token: the App ID or private key is wrong (" + e.getMessage() + ")"
                        : e.getMessage());
            }
        }
        try {
            JsonNode token = api.post(provider(), at(target.base(), "/app/installations/" + installation + "/access_tokens"), headers).body();
            if (text(token.path("token")) == null) {
                throw new CollectionFailed("GitHub answered the installation token request without a token");
            }
            return token.path("token").asText();
        } catch (ProviderApi.ApiError e) {
            throw new CollectionFailed(e.status() == 401 ? "GitHub refused the App's token: the App ID or private key is wrong ("
                    + e.getMessage() + ")" : e.getMessage());
        }
    }

    private JsonNode organization(Session s) throws CollectionFailed {
        try {
            return api.get(provider(), at(s.base(), "/orgs/" + s.org()), s.headers()).body();
        } catch (ProviderApi.ApiError e) {
            if (e.status() == 401) {
                throw new CollectionFailed("GitHub refused the token: it is wrong, expired or revoked (" + e.getMessage() + ")");
            }
            if (e.status() == 404) {
                throw new CollectionFailed("GitHub shows no organisation '" + s.org() + "' to this token");
            }
            throw e;
        }
    }

    private List<JsonNode> list(Session s, String path) throws CollectionFailed {
        String separator = path.contains("?") ? "&" : "?";
        return api.all(provider(), at(s.base(), path + separator + "per_page=100"), s.headers(), r -> r.body(), ProviderApi::linkNext);
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Session s = session(target, secrets);
        Reads reads = new Reads(progress);
        progress.report("reading the organisation " + s.org());
        JsonNode org = organization(s);
        String o = s.org();

        progress.report("reading members");
        List<JsonNode> members = list(s, "/orgs/" + o + "/members");
        Set<String> admins = logins(reads.optional(ORG_MEMBERS, "the organisation's owners", () -> list(s, "/orgs/" + o + "/members?role=admin"), null));
        Set<String> without2fa = logins(reads.optional(ORG_ADMINISTRATION, "members without 2FA",
                () -> list(s, "/orgs/" + o + "/members?filter=2fa_disabled"), null));
        List<JsonNode> outside = reads.optional(ORG_MEMBERS, "outside collaborators", () -> list(s, "/orgs/" + o + "/outside_collaborators"), List.of());
        Set<String> outsideWithout2fa = logins(reads.optional(ORG_ADMINISTRATION, "outside collaborators without 2FA",
                () -> list(s, "/orgs/" + o + "/outside_collaborators?filter=2fa_disabled"), null));

        List<Resource> resources = new ArrayList<>();
        for (JsonNode member : members) {
            resources.add(member(o, member, false, admins, without2fa));
        }
        for (JsonNode collaborator : outside) {
            resources.add(member(o, collaborator, true, Set.of(), outsideWithout2fa));
        }

        progress.report("reading repositories");
        List<JsonNode> repos = list(s, "/orgs/" + o + "/repos?type=all");
        Map<String, Long> criticalAlerts = alertCounts(reads.optional(DEPENDABOT_ALERTS, "open Dependabot alerts",
                () -> list(s, "/orgs/" + o + "/dependabot/alerts?state=open&severity=critical,high"), null));
        Map<String, Long> secretAlerts = alertCounts(reads.optional(SECRET_SCANNING_ALERTS, "open secret scanning alerts",
                () -> list(s, "/orgs/" + o + "/secret-scanning/alerts?state=open"), null));
        int done = 0;
        for (JsonNode repo : repos) {
            if (++done % 50 == 0) {
                progress.report("reading repositories (" + done + " of " + repos.size() + ")");
            }
            resources.add(repository(s, reads, repo, criticalAlerts, secretAlerts));
        }

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("login", o);
        copy(d, "name", org.path("name"));
        copy(d, "twoFactorRequired", org.path("two_factor_requirement_enabled"));
        copy(d, "defaultRepositoryPermission", org.path("default_repository_permission"));
        copy(d, "membersCanCreatePublicRepositories", org.path("members_can_create_public_repositories"));
        copy(d, "dependabotAlertsForNewRepositories", org.path("dependabot_alerts_enabled_for_new_repositories"));
        copy(d, "dependabotSecurityUpdatesForNewRepositories", org.path("dependabot_security_updates_enabled_for_new_repositories"));
        copy(d, "secretScanningForNewRepositories", org.path("secret_scanning_enabled_for_new_repositories"));
        copy(d, "pushProtectionForNewRepositories", org.path("secret_scanning_push_protection_enabled_for_new_repositories"));
        copy(d, "webCommitSignoffRequired", org.path("web_commit_signoff_required"));
        d.put("members", (long) members.size());
        d.put("outsideCollaborators", (long) outside.size());
        if (admins != null) {
            d.put("owners", (long) admins.size());
        }
        if (without2fa != null) {
            d.put("membersWithout2fa", (long) without2fa.size());
        }
        d.put("repositories", (long) repos.size());
        resources.add(new Resource("github.organization", o, d));
        return resources;
    }

    private static Set<String> logins(List<JsonNode> users) {
        if (users == null) {
            return null;
        }
        Set<String> logins = new HashSet<>();
        users.forEach(u -> logins.add(u.path("login").asText()));
        return logins;
    }

    private static Map<String, Long> alertCounts(List<JsonNode> alerts) {
        if (alerts == null) {
            return null;
        }
        Map<String, Long> counts = new HashMap<>();
        alerts.forEach(a -> counts.merge(a.path("repository").path("name").asText(), 1L, Long::sum));
        return counts;
    }

    private static Resource member(String org, JsonNode user, boolean outsideCollaborator, Set<String> admins, Set<String> without2fa) {
        String login = user.path("login").asText();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("org", org);
        d.put("login", login);
        copy(d, "id", user.path("id"));
        copy(d, "type", user.path("type"));
        d.put("outsideCollaborator", outsideCollaborator);
        if (admins != null) {
            d.put("role", admins.contains(login) ? "admin" : outsideCollaborator ? "outside_collaborator" : "member");
            d.put("owner", admins.contains(login));
        }
        if (without2fa != null) {
            d.put("twoFactorEnabled", !without2fa.contains(login));
        }
        return new Resource("github.member", org + "/" + login, d);
    }

    private Resource repository(Session s, Reads reads, JsonNode repo, Map<String, Long> criticalAlerts, Map<String, Long> secretAlerts)
            throws CollectionFailed {
        String name = repo.path("name").asText();
        String path = "/repos/" + s.org() + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("org", s.org());
        d.put("name", name);
        copy(d, "private", repo.path("private"));
        copy(d, "visibility", repo.path("visibility"));
        d.put("archived", repo.path("archived").asBoolean(false));
        d.put("fork", repo.path("fork").asBoolean(false));
        copy(d, "pushedAt", repo.path("pushed_at"));
        String branch = text(repo.path("default_branch"));
        copy(d, "defaultBranch", repo.path("default_branch"));
        JsonNode security = repo.path("security_and_analysis");
        if (security.isObject()) {
            d.put("dependabotSecurityUpdates", "enabled".equals(security.path("dependabot_security_updates").path("status").asText()));
            d.put("secretScanning", "enabled".equals(security.path("secret_scanning").path("status").asText()));
            d.put("pushProtection", "enabled".equals(security.path("secret_scanning_push_protection").path("status").asText()));
        }
        if (criticalAlerts != null) {
            d.put("openCriticalAlerts", criticalAlerts.getOrDefault(name, 0L));
        }
        if (secretAlerts != null) {
            d.put("openSecretAlerts", secretAlerts.getOrDefault(name, 0L));
        }
        if (repo.path("archived").asBoolean(false) || branch == null) {
            return new Resource("github.repository", s.org() + "/" + name, d);
        }
        String branchPath = path + "/branches/" + URLEncoder.encode(branch, StandardCharsets.UTF_8);
        // Classic protection and rulesets both protect a branch; the stricter of the two counts.
        long reviews = 0;
        boolean statusChecks = false;
        boolean forcePushesBlocked = false;
        boolean protectedBranch = false;
        JsonNode protection = reads.optional(REPO_ADMINISTRATION, "branch protection", () -> notFoundAsNull(s, branchPath + "/protection"), null);
        if (protection != null && protection.isObject()) {
            protectedBranch = true;
            reviews = protection.path("required_pull_request_reviews").path("required_approving_review_count").asLong(0);
            statusChecks = protection.path("required_status_checks").isObject();
            forcePushesBlocked = !protection.path("allow_force_pushes").path("enabled").asBoolean(false);
            copy(d, "adminsIncluded", protection.path("enforce_admins").path("enabled"));
        }
        JsonNode rules = reads.optional(REPO_METADATA, "branch rules", () -> notFoundAsNull(s, "/repos/" + s.org() + "/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/rules/branches/" + URLEncoder.encode(branch, StandardCharsets.UTF_8)), null);
        if (rules != null && rules.isArray()) {
            for (JsonNode rule : rules) {
                switch (rule.path("type").asText()) {
                    case "pull_request" -> {
                        protectedBranch = true;
                        reviews = Math.max(reviews, rule.path("parameters").path("required_approving_review_count").asLong(0));
                    }
                    case "required_status_checks" -> {
                        protectedBranch = true;
                        statusChecks = true;
                    }
                    case "non_fast_forward" -> {
                        protectedBranch = true;
                        forcePushesBlocked = true;
                    }
                    default -> {
                    }
                }
            }
        }
        if (protection != null || rules != null || !reads.refused(REPO_ADMINISTRATION)) {
            d.put("defaultBranchProtected", protectedBranch);
            d.put("requiredReviews", reviews);
            d.put("statusChecksRequired", statusChecks);
            d.put("forcePushesBlocked", protectedBranch && forcePushesBlocked);
        }
        Boolean alerts = reads.optional(REPO_ADMINISTRATION, "Dependabot alerts setting", () -> {
            try {
                api.get(provider(), at(s.base(), path + "/vulnerability-alerts"), s.headers());
                return true;
            } catch (ProviderApi.ApiError e) {
                if (e.status() == 404) {
                    return false;
                }
                throw e;
            }
        }, null);
        if (alerts != null) {
            d.put("dependabotAlerts", alerts);
        }
        List<JsonNode> keys = reads.optional(REPO_ADMINISTRATION, "deploy keys", () -> list(s, path + "/keys"), null);
        if (keys != null) {
            List<Map<String, Object>> deployKeys = new ArrayList<>();
            for (JsonNode key : keys) {
                Map<String, Object> k = new LinkedHashMap<>();
                copy(k, "id", key.path("id"));
                copy(k, "title", key.path("title"));
                copy(k, "readOnly", key.path("read_only"));
                copy(k, "createdAt", key.path("created_at"));
                copy(k, "lastUsed", key.path("last_used"));
                deployKeys.add(k);
            }
            d.put("deployKeys", deployKeys);
        }
        return new Resource("github.repository", s.org() + "/" + name, d);
    }

    private JsonNode notFoundAsNull(Session s, String path) throws CollectionFailed {
        try {
            return api.get(provider(), at(s.base(), path), s.headers()).body();
        } catch (ProviderApi.ApiError e) {
            if (e.status() == 404) {
                return ProviderApi.JSON.missingNode();
            }
            throw e;
        }
    }

    @Override
    public List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        Session s = session(target, secrets);
        organization(s);
        String o = s.org();
        List<JsonNode> firstRepo = new ArrayList<>();
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe(ORG_MEMBERS, () -> api.get(provider(), at(s.base(), "/orgs/" + o + "/members?role=admin&per_page=1"), s.headers())),
                new Probe(ORG_ADMINISTRATION, () -> api.get(provider(), at(s.base(), "/orgs/" + o + "/members?filter=2fa_disabled&per_page=1"), s.headers())),
                new Probe(REPO_METADATA, () -> {
                    api.get(provider(), at(s.base(), "/orgs/" + o + "/repos?per_page=1"), s.headers()).body().forEach(firstRepo::add);
                    return firstRepo;
                }),
                new Probe(DEPENDABOT_ALERTS, () -> api.get(provider(), at(s.base(), "/orgs/" + o + "/dependabot/alerts?per_page=1"), s.headers())),
                new Probe(SECRET_SCANNING_ALERTS, () -> api.get(provider(), at(s.base(), "/orgs/" + o + "/secret-scanning/alerts?per_page=1"), s.headers()))));
        List<String> missing = probe(probes);
        if (!firstRepo.isEmpty()) {
            String repo = URLEncoder.encode(firstRepo.get(0).path("name").asText(), StandardCharsets.UTF_8);
            missing.addAll(probe(List.of(new Probe(REPO_ADMINISTRATION,
                    () -> api.get(provider(), at(s.base(), "/repos/" + o + "/" + repo + "/keys?per_page=1"), s.headers())))));
        }
        return missing;
    }
}
