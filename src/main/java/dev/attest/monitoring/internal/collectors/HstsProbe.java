package dev.attest.monitoring.internal.collectors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HSTS of an HTTPS endpoint: one {@code HEAD /} over TLS that accepts any chain, and its Strict-Transport-Security header. */
final class HstsProbe {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Duration TIMEOUT = Duration.ofMillis(TlsSockets.TIMEOUT_MS);

    private HstsProbe() {
    }

    /** One client for every probe: HTTP/1.1 straight to the endpoint (no proxy), its redirect answered as it is. */
    private static final class Client {
        static final HttpClient HTTP = client();

        private static HttpClient client() {
            try {
                return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TlsSockets.anyChain())
                        .proxy(HttpClient.Builder.NO_PROXY).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS is not available", e);
            }
        }
    }

    static void put(TlsCollector.Endpoint endpoint, Map<String, Object> data) {
        try {
            HttpResponse<Void> response = Client.HTTP.send(HttpRequest.newBuilder(URI.create("https://" + endpoint.id() + "/"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("User-Agent", "attest-collector").timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            Long maxAge = null;
            boolean present = false;
            for (String value : response.headers().allValues("strict-transport-security")) {
                present = true;
                Matcher m = MAX_AGE.matcher(value);
                if (m.find()) {
                    maxAge = Long.parseLong(m.group(1));
                }
            }
            data.put("hsts", present && maxAge != null && maxAge > 0);
            data.put("hstsMaxAge", maxAge == null ? 0L : maxAge);
            data.put("httpStatus", String.valueOf(response.statusCode()));
        } catch (IOException | IllegalArgumentException e) {
            unanswered(data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unanswered(data);
        }
    }

    /** No HTTP answer (refused, timed out, not HTTP): no HSTS. */
    private static void unanswered(Map<String, Object> data) {
        data.put("hsts", false);
        data.put("hstsMaxAge", 0L);
        data.put("httpStatus", "none");
    }
}
