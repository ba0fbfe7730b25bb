package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector.CollectionFailed;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.attest.monitoring.internal.collectors.GitHubCollector.REPO_ADMINISTRATION;
import static dev.attest.monitoring.internal.collectors.GitHubCollector.REPO_METADATA;
import static dev.attest.monitoring.internal.collectors.RestCollector.copy;
import static dev.attest.monitoring.internal.collectors.RestCollector.text;

/**
 * A repository's settings ({@code github.repository}): visibility, security features, the default branch's
 * protection (classic protection and rulesets, the stricter counting), the Dependabot alerts setting, deploy
 * keys, and the open alerts counted from the organisation's alert lists (null where the token may not read them).
 */
record GitHubRepositories(GitHubSession s, RestCollector.Reads reads, Map<String, Long> criticalAlerts, Map<String, Long> secretAlerts) {

    /** Open alerts per repository name, or null when the list could not be read. */
    static Map<String, Long> alertCounts(List<JsonNode> alerts) {
        if (alerts == null) {
            return null;
        }
        Map<String, Long> counts = new HashMap<>();
        alerts.forEach(a -> counts.merge(a.path("repository").path("name").asText(), 1L, Long::sum));
        return counts;
    }

    Resource repository(JsonNode repo) throws CollectionFailed {
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
            d.put("dependabotSecurityUpdates", enabled(security.path("dependabot_security_updates")));
            d.put("secretScanning", enabled(security.path("secret_scanning")));
            d.put("pushProtection", enabled(security.path("secret_scanning_push_protection")));
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
        branchProtection(path, branch, d);
        Boolean alerts = reads.optional(REPO_ADMINISTRATION, "Dependabot alerts setting", () -> {
            try {
                s.get(path + "/vulnerability-alerts");
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
        List<JsonNode> keys = reads.optional(REPO_ADMINISTRATION, "deploy keys", () -> s.list(path + "/keys"), null);
        if (keys != null) {
            d.put("deployKeys", deployKeys(keys));
        }
        return new Resource("github.repository", s.org() + "/" + name, d);
    }

    private static boolean enabled(JsonNode feature) {
        return "enabled".equals(feature.path("status").asText());
    }

    /** Classic protection and rulesets both protect a branch; the stricter of the two counts. */
    private void branchProtection(String path, String branch, Map<String, Object> d) throws CollectionFailed {
        String encodedBranch = URLEncoder.encode(branch, StandardCharsets.UTF_8);
        long reviews = 0;
        boolean statusChecks = false;
        boolean forcePushesBlocked = false;
        boolean protectedBranch = false;
        JsonNode protection = reads.optional(REPO_ADMINISTRATION, "branch protection",
                () -> s.notFoundAsNull(path + "/branches/" + encodedBranch + "/protection"), null);
        if (protection != null && protection.isObject()) {
            protectedBranch = true;
            reviews = protection.path("required_pull_request_reviews").path("required_approving_review_count").asLong(0);
            statusChecks = protection.path("required_status_checks").isObject();
            forcePushesBlocked = !protection.path("allow_force_pushes").path("enabled").asBoolean(false);
            copy(d, "adminsIncluded", protection.path("enforce_admins").path("enabled"));
        }
        JsonNode rules = reads.optional(REPO_METADATA, "branch rules", () -> s.notFoundAsNull(path + "/rules/branches/" + encodedBranch), null);
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
    }

    private static List<Map<String, Object>> deployKeys(List<JsonNode> keys) {
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
        return deployKeys;
    }
}
