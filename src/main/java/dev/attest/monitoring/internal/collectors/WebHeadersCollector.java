package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the security headers a web application sends ({@code web.app}): HSTS, Content-Security-Policy
 * and whether it forbids framing (frame-ancestors or X-Frame-Options), nosniff, each cookie's Secure,
 * HttpOnly and SameSite attributes, the server banner, and whether plain HTTP redirects to HTTPS.
 * The target is a URL ({@code https://app.example.com/login}); redirects are not followed, because
 * the headers of the first answer are what a browser acts on.
 */
@Component
public class WebHeadersCollector implements Collector {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT).build();

    @Override
    public Description description() {
        return Description.of("web", "a URL, e.g. https://app.example.com/login", "web.app");
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        URI uri = parse(target);
        progress.report("requesting " + uri);
        HttpResponse<Void> response = get(uri);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("url", uri.toString());
        d.put("host", uri.getHost());
        d.put("https", "https".equals(uri.getScheme()));
        d.put("status", (long) response.statusCode());
        var headers = response.headers();

        String hsts = headers.firstValue("strict-transport-security").orElse("");
        Matcher maxAge = MAX_AGE.matcher(hsts);
        d.put("hsts", !hsts.isBlank());
        d.put("hstsMaxAge", maxAge.find() ? Long.parseLong(maxAge.group(1)) : 0L);
        d.put("hstsIncludeSubdomains", hsts.toLowerCase(Locale.ROOT).contains("includesubdomains"));

        String csp = String.join("; ", headers.allValues("content-security-policy"));
        String cspLower = csp.toLowerCase(Locale.ROOT);
        d.put("csp", !csp.isBlank());
        d.put("cspUnsafeInline", cspLower.contains("'unsafe-inline'") || cspLower.contains("'unsafe-eval'"));
        d.put("cspFrameAncestors", cspLower.contains("frame-ancestors"));
        String frameOptions = headers.firstValue("x-frame-options").orElse("").strip().toUpperCase(Locale.ROOT);
        d.put("frameOptions", frameOptions);
        d.put("framingProtected", cspLower.contains("frame-ancestors") || frameOptions.equals("DENY") || frameOptions.equals("SAMEORIGIN"));
        d.put("noSniff", headers.firstValue("x-content-type-options").orElse("").strip().equalsIgnoreCase("nosniff"));

        String server = headers.firstValue("server").orElse("");
        String poweredBy = headers.firstValue("x-powered-by").orElse("");
        d.put("serverBanner", server);
        d.put("poweredBy", poweredBy);
        d.put("versionDisclosed", VERSION.matcher(server).find() || VERSION.matcher(poweredBy).find());

        cookies(headers.allValues("set-cookie"), d);

        progress.report("checking the plain HTTP redirect");
        d.put("redirectsToHttps", redirectsToHttps(uri, response));
        return List.of(new Resource("web.app", uri.getScheme() + "://" + uri.getAuthority() + Optional.ofNullable(uri.getRawPath())
                .filter(p -> !p.isEmpty()).orElse("/"), d));
    }

    private static URI parse(String target) throws CollectionFailed {
        String value = target.strip();
        if (!value.contains("://")) {
            value = "https://" + value;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new CollectionFailed("'" + target + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CollectionFailed("'" + target + "' is not a URL: " + e.getReason());
        }
    }

    private HttpResponse<Void> get(URI uri) throws CollectionFailed {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "attest-collector").GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new CollectionFailed("web application at " + uri + " is not reachable: " + Optional.ofNullable(e.getMessage())
                    .orElse(e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectionFailed("interrupted while requesting " + uri, e);
        }
    }

    /**
     * An http:// target must answer with a redirect to https://. For an https:// target the same host
     * is asked on port 80: a redirect or nothing listening both mean no page is served in plain text.
     */
    private boolean redirectsToHttps(URI uri, HttpResponse<Void> response) {
        if ("http".equals(uri.getScheme())) {
            return isHttpsRedirect(response);
        }
        try {
            URI plain = new URI("http", null, uri.getHost(), -1, Optional.ofNullable(uri.getPath()).filter(p -> !p.isEmpty()).orElse("/"), null, null);
            return isHttpsRedirect(client.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()));
        } catch (IOException | URISyntaxException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isHttpsRedirect(HttpResponse<Void> response) {
        int status = response.statusCode();
        return status >= 300 && status < 400
                && response.headers().firstValue("location").orElse("").toLowerCase(Locale.ROOT).startsWith("https://");
    }

    private static void cookies(List<String> setCookies, Map<String, Object> d) {
        List<Map<String, Object>> cookies = new ArrayList<>();
        List<String> notSecure = new ArrayList<>();
        List<String> notHttpOnly = new ArrayList<>();
        List<String> noSameSite = new ArrayList<>();
        for (String header : setCookies) {
            String[] parts = header.split(";");
            String name = parts[0].contains("=") ? parts[0].substring(0, parts[0].indexOf('=')).strip() : parts[0].strip();
            boolean secure = false;
            boolean httpOnly = false;
            String sameSite = "";
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip();
                String lower = attribute.toLowerCase(Locale.ROOT);
                if (lower.equals("secure")) {
                    secure = true;
                } else if (lower.equals("httponly")) {
                    httpOnly = true;
                } else if (lower.startsWith("samesite=")) {
                    sameSite = attribute.substring(9).strip();
                }
            }
            Map<String, Object> cookie = new LinkedHashMap<>();
            cookie.put("name", name);
            cookie.put("secure", secure);
            cookie.put("httpOnly", httpOnly);
            cookie.put("sameSite", sameSite);
            cookies.add(cookie);
            if (!secure) {
                notSecure.add(name);
            }
            if (!httpOnly) {
                notHttpOnly.add(name);
            }
            // SameSite=None opts back into cross-site sending: it counts as missing.
            if (sameSite.isEmpty() || sameSite.equalsIgnoreCase("none")) {
                noSameSite.add(name);
            }
        }
        d.put("cookies", cookies);
        d.put("cookiesNotSecure", notSecure);
        d.put("cookiesNotHttpOnly", notHttpOnly);
        d.put("cookiesWithoutSameSite", noSameSite);
    }
}
