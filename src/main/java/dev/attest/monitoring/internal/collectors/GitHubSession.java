package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.internal.Collector.CollectionFailed;
import dev.attest.monitoring.internal.CollectorTargets;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One signed-in use of GitHub's REST API for an organisation: with a fine-grained token, or with a GitHub
 * App's JWT exchanged for an installation token of the organisation.
 */
final class GitHubSession {

    static final String PROVIDER = "GitHub";

    private final RestCollector.Session session;

    private GitHubSession(ProviderApi api, CollectorTargets.ApiTarget target, String bearer) {
        this.session = new RestCollector.Session(api, PROVIDER, target.base(), target.name(), headers(bearer));
    }

    static GitHubSession open(ProviderApi api, CollectorTargets.ApiTarget target, Map<String, String> secrets, Clock clock)
            throws CollectionFailed {
        String token = RestCollector.secret(secrets, "token", "password");
        if (token == null) {
            token = installationToken(api, target, secrets, clock);
        }
        return new GitHubSession(api, target, token);
    }

    private static Map<String, String> headers(String bearer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + bearer);
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        return headers;
    }

    /** A GitHub App's JWT (iss = app id, at most 10 minutes) exchanged for an installation token of the organisation. */
    private static String installationToken(ProviderApi api, CollectorTargets.ApiTarget target, Map<String, String> secrets, Clock clock)
            throws CollectionFailed {
        String appId = RestCollector.required(secrets, "GitHub App ID or token", "appId", "username");
        String key = RestCollector.required(secrets, "GitHub App private key", "privateKey");
        long now = clock.instant().getEpochSecond();
        String jwt = ProviderJwt.rs256(Map.of("iat", now - 60, "exp", now + 540, "iss", appId), key, "GitHub App private key");
        GitHubSession app = new GitHubSession(api, target, jwt);
        String installation = RestCollector.secret(secrets, "installationId");
        if (installation == null) {
            try {
                installation = app.get("/orgs/" + target.name() + "/installation").body().path("id").asText();
            } catch (ProviderApi.ApiError e) {
                throw new CollectionFailed(e.status() == 404 ? "the GitHub App is not installed on the organisation " + target.name()
                        : e.status() == 401 ? appRefused(e) : e.getMessage());
            }
        }
        try {
            JsonNode token = api.post(PROVIDER, RestCollector.at(target.base(), "/app/installations/" + installation + "/access_tokens"),
                    app.session.headers()).body();
            if (RestCollector.text(token.path("token")) == null) {
                throw new CollectionFailed("GitHub answered the installation token request without a token");
            }
            return token.path("token").asText();
        } catch (ProviderApi.ApiError e) {
            throw new CollectionFailed(e.status() == 401 ? appRefused(e) : e.getMessage());
        }
    }

    private static String appRefused(ProviderApi.ApiError e) {
        return "GitHub refused the App's token: the App ID or private key is wrong (" + e.getMessage() + ")";
    }

    String org() {
        return session.name();
    }

    ProviderApi.Response get(String path) throws CollectionFailed {
        return session.get(path);
    }

    /** Every page of a list. */
    List<JsonNode> list(String path) throws CollectionFailed {
        String separator = path.contains("?") ? "&" : "?";
        return session.all(path + separator + "per_page=100", r -> r.body(), ProviderApi::linkNext);
    }

    /** The answer, or a missing node where GitHub answers 404 (a setting never made). */
    JsonNode notFoundAsNull(String path) throws CollectionFailed {
        try {
            return get(path).body();
        } catch (ProviderApi.ApiError e) {
            if (e.status() == 404) {
                return ProviderApi.JSON.missingNode();
            }
            throw e;
        }
    }

    /** The organisation itself: wrong credentials or an organisation the token cannot see end the run here. */
    JsonNode organization() throws CollectionFailed {
        try {
            return get("/orgs/" + org()).body();
        } catch (ProviderApi.ApiError e) {
            if (e.status() == 401) {
                throw new CollectionFailed("GitHub refused the token: it is wrong, expired or revoked (" + e.getMessage() + ")");
            }
            if (e.status() == 404) {
                throw new CollectionFailed("GitHub shows no organisation '" + org() + "' to this token");
            }
            throw e;
        }
    }
}
