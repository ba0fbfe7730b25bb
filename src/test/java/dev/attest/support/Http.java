package dev.attest.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running application: what a script or a browser without
 * JavaScript sees. Keeps cookies, so a signed-in session carries over between calls.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String bearer;

    private Http(String base, String bearer) {
        this(base, bearer, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());
    }

    private Http(String base, String bearer, HttpClient client) {
        this.base = base;
        this.bearer = bearer;
        this.client = client;
    }

    /** The same browser (its cookies, so its session) talking to another node on this machine. */
    public Http on(int port) {
        return new Http("http://localhost:" + port, bearer, client);
    }

    /** A client with no credentials. */
    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null);
    }

    /** A client that sends {@code Authorization: Bearer token}. */
    public static Http withToken(int port, String token) {
        return new Http("http://localhost:" + port, token);
    }

    /** A browser-like client signed in through the form. */
    public static Http signedIn(int port, String email, String password) {
        Http http = anonymous(port);
        Response response = http.postForm("/login", Map.of("username", email, "password", password));
        if (response.status() != 302 || response.header("Location").contains("error")) {
            throw new AssertionError("sign-in failed: " + response.status() + " " + response.header("Location"));
        }
        return http;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** The body as bytes, for downloads that are not text. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " gave " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** Posts a body of any type, e.g. {@code text/csv}. */
    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Posts a form the way a browser does: first reads the CSRF token from the page, then submits. */
    public Response postForm(String path, Map<String, String> fields) {
        return postForm(path, path, fields, Map.of());
    }

    public Response postForm(String pageWithForm, String path, Map<String, String> fields, Map<String, String> headers) {
        Response page = get(pageWithForm);
        Matcher csrf = CSRF.matcher(page.body());
        String token = csrf.find() ? csrf.group(1) : "";
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                + "&_csrf=" + enc(token);
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /**
     * Posts a multipart form as a browser does for {@code enctype="multipart/form-data"}: the fields,
     * then the file as the part {@code file} (none when content is null). The path is sent as given, so
     * a form action's query string (a CSRF token, say) goes along.
     */
    public Response postMultipart(String path, Map<String, String> fields, String filename, byte[] content) {
        String boundary = "----attest" + java.util.UUID.randomUUID();
        return send(request(path).timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, fields, filename, content))));
    }

    /** Posts a multipart form with several files, each as a part {@code file} named by its file name. */
    public Response postFiles(String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----attest" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = multipartBody(boundary, fields, null, null);
        body.writeBytes(java.util.Arrays.copyOf(head, head.length - (boundary.length() + 6)));
        for (var file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).timeout(Duration.ofSeconds(120)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A multipart/form-data body: the fields, then the file as the part {@code file} unless content is null. */
    public static byte[] multipartBody(String boundary, Map<String, String> fields, String filename, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // Generous: the first OpenAPI document or a large push can take a while on a busy 2-core machine.
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
