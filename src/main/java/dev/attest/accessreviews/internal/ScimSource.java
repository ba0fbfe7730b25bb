package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.SourceTarget;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Any SCIM 2.0 service provider (RFC 7644): every user from {@code GET /Users} and their groups from
 * the users' {@code groups} and from {@code GET /Groups} (a provider without groups answers 404 or 501),
 * both read page by page. The target is the SCIM base URL; secret {@code token} is the bearer token.
 * Settings: {@code pageSize} (100), {@code privilegedGroups}, {@code serviceUsers}.
 */
@Component
class ScimSource implements AccountSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_PAGES = 1000;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public String kind() {
        return "scim";
    }

    @Override
    public String targetHint() {
        return "the SCIM base URL, e.g. https://idp.example.com/scim/v2";
    }

    @Override
    public List<Account> accounts(SourceTarget target) throws SourceUnavailable {
        String base = target.target().replaceFirst("/+$", "");
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw new SourceUnavailable("the target must be an http(s) URL");
        }
        int pageSize = Integer.parseInt(target.setting("pageSize", "100"));
        String token = target.secrets().get("token");
        Map<String, Set<String>> groupsOf = new HashMap<>();
        List<JsonNode> groups = pages(base + "/Groups", pageSize, token, true);
        for (JsonNode group : groups) {
            for (JsonNode member : group.path("members")) {
                groupsOf.computeIfAbsent(member.path("value").asText(), k -> new TreeSet<>()).add(group.path("displayName").asText());
            }
        }
        Set<String> privileged = Set.of(target.setting("privilegedGroups", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        Set<String> service = Set.of(target.setting("serviceUsers", "").split("\\s*,\\s*"));
        List<Account> accounts = new ArrayList<>();
        for (JsonNode user : pages(base + "/Users", pageSize, token, false)) {
            String id = user.path("id").asText();
            String userName = user.path("userName").asText(id);
            Set<String> roles = new TreeSet<>(groupsOf.getOrDefault(id, Set.of()));
            user.path("groups").forEach(g -> roles.add(g.path("display").asText(g.path("value").asText())));
            String name = user.path("displayName").asText(user.path("name").path("formatted").asText(userName));
            accounts.add(new Account(target.systemName(), userName, name, email(user, userName), List.copyOf(roles),
                    roles.stream().anyMatch(r -> privileged.contains(r.toLowerCase(Locale.ROOT))), null, null,
                    time(user.path("meta").path("created").asText(null)), user.path("active").asBoolean(true),
                    service.contains(userName) ? AccountKind.SERVICE : AccountKind.USER));
        }
        return accounts;
    }

    private static String email(JsonNode user, String userName) {
        String first = null;
        for (JsonNode e : user.path("emails")) {
            if (e.path("primary").asBoolean(false)) {
                return e.path("value").asText();
            }
            first = first == null ? e.path("value").asText(null) : first;
        }
        return first != null ? first : userName.contains("@") ? userName : null;
    }

    private List<JsonNode> pages(String url, int pageSize, String token, boolean optional) throws SourceUnavailable {
        List<JsonNode> resources = new ArrayList<>();
        int start = 1;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = get(url + "?startIndex=" + start + "&count=" + pageSize, token, optional);
            if (body == null) {
                return resources;
            }
            JsonNode items = body.path("Resources");
            items.forEach(resources::add);
            long total = body.path("totalResults").asLong(resources.size());
            int perPage = body.path("itemsPerPage").asInt(items.size());
            if (items.isEmpty() || perPage == 0 || resources.size() >= total) {
                return resources;
            }
            start += perPage;
        }
        throw new SourceUnavailable(url + " has more than " + MAX_PAGES + " pages");
    }

    private JsonNode get(String url, String token, boolean optional) throws SourceUnavailable {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/scim+json, application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (optional && (response.statusCode() == 404 || response.statusCode() == 501)) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new SourceUnavailable("SCIM " + url + " answered HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SourceUnavailable("SCIM " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (JacksonException e) {
            throw new SourceUnavailable("SCIM " + url + " did not answer JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailable("interrupted", e);
        }
    }

    private static Instant time(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
