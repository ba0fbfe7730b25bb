package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.internal.Collector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the REST collectors (GitHub, Google Workspace, Okta, Microsoft Graph): JSON over the
 * JDK's client, throttling answered by waiting what the provider asks (Retry-After, Okta's
 * X-Rate-Limit-Reset) capped by {@code attest.collectors.http.max-wait}, 5xx retried with growing waits,
 * and pages followed only on the host the first page came from.
 */
@Component
public class ProviderApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MAX_PAGES = 20_000;

    private final HttpClient client;
    private final int retries;
    private final Duration maxWait;
    private final Duration timeout;

    ProviderApi(@Value("${attest.collectors.http.retries:4}") int retries,
                @Value("${attest.collectors.http.max-wait:PT60S}") Duration maxWait,
                @Value("${attest.collectors.http.timeout:PT30S}") Duration timeout) {
        this.retries = Math.max(0, retries);
        this.maxWait = maxWait;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A provider's answer; {@code body} is a missing node when it was not JSON. */
    public record Response(int status, HttpHeaders headers, JsonNode body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * The provider refused or failed a request after the retries: its status, the provider's own error code
     * where it gives one, and a sentence for people.
     */
    public static class ApiError extends Collector.CollectionFailed {
        private final int status;
        private final String code;
        private final transient HttpHeaders headers;

        ApiError(int status, String code, String message, HttpHeaders headers) {
            super(message);
            this.status = status;
            this.code = code;
            this.headers = headers;
        }

        /** A header of the refusing answer, e.g. GitHub's {@code X-Accepted-GitHub-Permissions}. */
        public Optional<String> header(String name) {
            return headers == null ? Optional.empty() : headers.firstValue(name);
        }

        public int status() {
            return status;
        }

        /** The provider's error code or reason, e.g. {@code Authorization_RequestDenied}; may be empty. */
        public String code() {
            return code;
        }
    }

    /** GET with the given headers; a non-2xx answer throws {@link ApiError} naming the provider and what it said. */
    Response get(String provider, URI uri, Map<String, String> headers) throws Collector.CollectionFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", "application/json");
        headers.forEach(request::header);
        return send(provider, request.build());
    }

    /** POST of a form (OAuth token endpoints), or of JSON when {@code form} is null and {@code json} given. */
    Response postForm(String provider, URI uri, Map<String, String> form, Map<String, String> headers) throws Collector.CollectionFailed {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return send(provider, request.build());
    }

    Response post(String provider, URI uri, Map<String, String> headers) throws Collector.CollectionFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(provider, request.build());
    }

    /**
     * Every item of a paged list: {@code items} picks a page's items, {@code next} its next page (null at
     * the end). A next page on another host than the first is refused: the target policy checked only that one.
     */
    List<JsonNode> all(String provider, URI first, Map<String, String> headers, Function<Response, JsonNode> items,
                       Function<Response, URI> next) throws Collector.CollectionFailed {
        List<JsonNode> all = new ArrayList<>();
        URI page = first;
        for (int count = 0; page != null; count++) {
            if (count >= MAX_PAGES) {
                throw new Collector.CollectionFailed(provider + " returned more than " + MAX_PAGES + " pages for " + first.getPath());
            }
            if (!Objects.equals(page.getScheme(), first.getScheme()) || !Objects.equals(page.getRawAuthority(), first.getRawAuthority())) {
                throw new Collector.CollectionFailed(provider + " pointed the next page of " + first.getPath() + " at another host ("
                        + page.getHost() + "); not followed");
            }
            Response response = get(provider, page, headers);
            JsonNode list = items.apply(response);
            if (list != null && list.isArray()) {
                list.forEach(all::add);
            }
            page = next.apply(response);
        }
        return all;
    }

    /** The {@code rel="next"} URL of a Link header (GitHub, Okta), or null. */
    static URI linkNext(Response response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher m = LINK_NEXT.matcher(link);
            if (m.find()) {
                return URI.create(m.group(1));
            }
        }
        return null;
    }

    private Response send(String provider, HttpRequest request) throws Collector.CollectionFailed {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> raw;
            try {
                raw = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < retries) {
                    pause(backoff(attempt));
                    continue;
                }
                throw new Collector.CollectionFailed(provider + " at " + request.uri().getHost() + " is not reachable: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Collector.CollectionFailed("interrupted while reading " + provider);
            }
            Response response = new Response(raw.statusCode(), raw.headers(), parse(raw.body()));
            int status = raw.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            Duration wait = throttled(response);
            if ((wait != null || status >= 500) && attempt < retries) {
                pause(wait != null ? wait : backoff(attempt));
                continue;
            }
            throw error(provider, request, response);
        }
    }

    /** How long the provider asks to wait, when the answer is a rate limit; null when it is not one. */
    private Duration throttled(Response response) {
        int status = response.status();
        Optional<String> retryAfter = response.header("Retry-After");
        boolean limited = status == 429
                // GitHub answers a secondary rate limit with 403 and Retry-After, a primary one with 403 and no requests left
                || (status == 403 && (retryAfter.isPresent() || response.header("x-ratelimit-remaining").map("0"::equals).orElse(false)));
        if (!limited) {
            return null;
        }
        Duration wait = Duration.ofSeconds(1);
        try {
            if (retryAfter.isPresent()) {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.get().strip()));
            } else {
                Optional<String> reset = response.header("X-Rate-Limit-Reset").or(() -> response.header("x-ratelimit-reset"));
                if (reset.isPresent()) {
                    wait = Duration.ofSeconds(Math.max(1, Long.parseLong(reset.get().strip()) - System.currentTimeMillis() / 1000));
                }
            }
        } catch (NumberFormatException e) {
            // an HTTP date or garbage: the default wait
        }
        return wait;
    }

    private Duration backoff(int attempt) {
        return Duration.ofMillis(500L << Math.min(attempt, 6));
    }

    private void pause(Duration wait) throws Collector.CollectionFailed {
        Duration capped = wait.compareTo(maxWait) > 0 ? maxWait : wait;
        try {
            Thread.sleep(Math.max(0, capped.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Collector.CollectionFailed("interrupted while waiting out a rate limit");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }

    private static ApiError error(String provider, HttpRequest request, Response response) {
        JsonNode body = response.body();
        String code = firstText(body.path("error").path("code"), body.path("errorCode"),
                body.path("error").path("errors").path(0).path("reason"), body.path("error").path("status"), body.path("error"));
        String said = firstText(body.path("error").path("message"), body.path("errorSummary"), body.path("message"),
                body.path("error_description"));
        String path = request.uri().getPath();
        int status = response.status();
        String what = status == 401 ? " refused the credentials as wrong or expired"
                : status == 403 ? " denied " + path
                : status == 404 ? " has no " + path
                : status == 429 ? " kept rate-limiting " + path
                : status >= 500 ? " failed on " + path + " (HTTP " + status + ") after " + "retries"
                : " refused " + path + " (HTTP " + status + ")";
        String detail = said.isEmpty() ? "" : ": " + (code.isEmpty() || said.contains(code) ? said : code + ": " + said);
        // GitHub names the fine-grained permission the refused endpoint accepts
        detail += response.header("X-Accepted-GitHub-Permissions").map(p -> " (accepted permissions: " + p + ")").orElse("");
        return new ApiError(status, code, provider + what + detail, response.headers());
    }

    static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node != null && node.isValueNode() && !node.asText().isBlank()) {
                return node.asText();
            }
        }
        return "";
    }
}
