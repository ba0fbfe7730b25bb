package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.CredentialField;
import dev.attest.monitoring.internal.CredentialField.Input;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GitHub organisation through the REST API, read-only: the organisation ({@code github.organization}: 2FA
 * requirement, defaults for new repositories, counts), its members and outside collaborators
 * ({@code github.member}: role, 2FA) and its repositories ({@code github.repository}: default branch
 * protection and rulesets, Dependabot, secret scanning and push protection, deploy keys and their last use,
 * open critical alerts).
 * <p>
 * Credentials: a fine-grained token (secret {@code token}), or a GitHub App (secrets {@code appId} and
 * {@code privateKey}, optional {@code installationId}) whose JWT is exchanged for an installation token.
 * The JDK's HTTP client is used: GitHub's own Java SDK is not official, and the calls are few. The session
 * is {@link GitHubSession}, the members {@link GitHubMembers}, the repositories {@link GitHubRepositories}.
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
        super(api, GitHubSession.PROVIDER);
        this.clock = clock;
    }

    @Override
    public Description description() {
        String token = "With a fine-grained token";
        String app = "Or as a GitHub App";
        return Description.of("github", "the organisation, e.g. acme (or its API URL, e.g. https://github.example.com/api/v3/orgs/acme)",
                        "github.organization", "github.member", "github.repository")
                .withCredentials(
                        CredentialField.of("token", "Token", Input.PASSWORD, "a fine-grained personal access token of an organisation owner")
                                .inChoice(token),
                        CredentialField.of("appId", "App ID", Input.TEXT, "on the App's settings page").inChoice(app),
                        CredentialField.of("installationId", "Installation id", Input.TEXT, "optional: looked up from the organisation if left empty")
                                .inChoice(app),
                        CredentialField.of("privateKey", "Private key (PEM)", Input.PRIVATE_KEY_PEM, "the .pem file GitHub gives when you generate a private key")
                                .inChoice(app))
                .withSetup(
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

    private GitHubSession session(String target, Map<String, String> secrets) throws CollectionFailed {
        return GitHubSession.open(api, target(target), secrets, clock);
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        GitHubSession s = session(target, secrets);
        Reads reads = new Reads(progress);
        progress.report("reading the organisation " + s.org());
        JsonNode org = s.organization();
        String o = s.org();

        progress.report("reading members");
        GitHubMembers members = GitHubMembers.read(s, reads);
        List<Resource> resources = new ArrayList<>(members.resources(o));

        progress.report("reading repositories");
        List<JsonNode> repos = s.list("/orgs/" + o + "/repos?type=all");
        GitHubRepositories repositories = new GitHubRepositories(s, reads,
                GitHubRepositories.alertCounts(reads.optional(DEPENDABOT_ALERTS, "open Dependabot alerts",
                        () -> s.list("/orgs/" + o + "/dependabot/alerts?state=open&severity=critical,high"), null)),
                GitHubRepositories.alertCounts(reads.optional(SECRET_SCANNING_ALERTS, "open secret scanning alerts",
                        () -> s.list("/orgs/" + o + "/secret-scanning/alerts?state=open"), null)));
        int done = 0;
        for (JsonNode repo : repos) {
            if (++done % 50 == 0) {
                progress.report("reading repositories (" + done + " of " + repos.size() + ")");
            }
            resources.add(repositories.repository(repo));
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
        d.put("members", (long) members.members().size());
        d.put("outsideCollaborators", (long) members.outside().size());
        if (members.admins() != null) {
            d.put("owners", (long) members.admins().size());
        }
        if (members.without2fa() != null) {
            d.put("membersWithout2fa", (long) members.without2fa().size());
        }
        d.put("repositories", (long) repos.size());
        resources.add(new Resource("github.organization", o, d));
        return resources;
    }

    @Override
    public List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        GitHubSession s = session(target, secrets);
        s.organization();
        String o = s.org();
        List<JsonNode> firstRepo = new ArrayList<>();
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe(ORG_MEMBERS, () -> s.get("/orgs/" + o + "/members?role=admin&per_page=1")),
                new Probe(ORG_ADMINISTRATION, () -> s.get("/orgs/" + o + "/members?filter=2fa_disabled&per_page=1")),
                new Probe(REPO_METADATA, () -> {
                    s.get("/orgs/" + o + "/repos?per_page=1").body().forEach(firstRepo::add);
                    return firstRepo;
                }),
                new Probe(DEPENDABOT_ALERTS, () -> s.get("/orgs/" + o + "/dependabot/alerts?per_page=1")),
                new Probe(SECRET_SCANNING_ALERTS, () -> s.get("/orgs/" + o + "/secret-scanning/alerts?per_page=1"))));
        List<String> missing = probe(probes);
        if (!firstRepo.isEmpty()) {
            String repo = URLEncoder.encode(firstRepo.get(0).path("name").asText(), StandardCharsets.UTF_8);
            missing.addAll(probe(List.of(new Probe(REPO_ADMINISTRATION, () -> s.get("/repos/" + o + "/" + repo + "/keys?per_page=1")))));
        }
        return missing;
    }
}
