package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector.CollectionFailed;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.attest.monitoring.internal.collectors.GitHubCollector.ORG_ADMINISTRATION;
import static dev.attest.monitoring.internal.collectors.GitHubCollector.ORG_MEMBERS;

/**
 * An organisation's members and outside collaborators ({@code github.member}) with their role and 2FA. The
 * owners and who lacks 2FA are null where the token may not see them (GitHub shows them to owners only).
 */
record GitHubMembers(List<JsonNode> members, List<JsonNode> outside, Set<String> admins, Set<String> without2fa,
                     Set<String> outsideWithout2fa) {

    static GitHubMembers read(GitHubSession s, RestCollector.Reads reads) throws CollectionFailed {
        String o = s.org();
        List<JsonNode> members = s.list("/orgs/" + o + "/members");
        Set<String> admins = logins(reads.optional(ORG_MEMBERS, "the organisation's owners", () -> s.list("/orgs/" + o + "/members?role=admin"), null));
        Set<String> without2fa = logins(reads.optional(ORG_ADMINISTRATION, "members without 2FA",
                () -> s.list("/orgs/" + o + "/members?filter=2fa_disabled"), null));
        List<JsonNode> outside = reads.optional(ORG_MEMBERS, "outside collaborators", () -> s.list("/orgs/" + o + "/outside_collaborators"), List.of());
        Set<String> outsideWithout2fa = logins(reads.optional(ORG_ADMINISTRATION, "outside collaborators without 2FA",
                () -> s.list("/orgs/" + o + "/outside_collaborators?filter=2fa_disabled"), null));
        return new GitHubMembers(members, outside, admins, without2fa, outsideWithout2fa);
    }

    List<Resource> resources(String org) {
        List<Resource> resources = new ArrayList<>();
        for (JsonNode member : members) {
            resources.add(member(org, member, false, admins, without2fa));
        }
        for (JsonNode collaborator : outside) {
            resources.add(member(org, collaborator, true, Set.of(), outsideWithout2fa));
        }
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

    private static Resource member(String org, JsonNode user, boolean outsideCollaborator, Set<String> admins, Set<String> without2fa) {
        String login = user.path("login").asText();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("org", org);
        d.put("login", login);
        RestCollector.copy(d, "id", user.path("id"));
        RestCollector.copy(d, "type", user.path("type"));
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
}
