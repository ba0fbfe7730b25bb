package dev.attest.monitoring;

import dev.attest.monitoring.internal.Documents;
import dev.attest.monitoring.internal.collectors.FileIntegrity;
import dev.attest.monitoring.internal.collectors.LinuxHost;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Linux host agent: {@code java -jar attest.jar agent --server URL --token T [--interval MINUTES] [--watch PATH]... [--state FILE]}.
 * Besides the host's settings it hashes the watched files ({@code --watch}, repeatable; by default the account,
 * sudo, sshd and cron files) and reports which changed since its previous run, whose hashes it keeps in {@code --state}
 * (by default {@code ~/.attest-agent/file-hashes}).
 * It reads the host it runs on and pushes one {@code host.linux} resource to the server's push API,
 * once (the default) or every {@code --interval} minutes. It does not start the web application.
 */
public final class HostAgent {

    private HostAgent() {
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        String server = null;
        String token = null;
        long interval = 0;
        List<Path> watch = new java.util.ArrayList<>();
        Path state = Path.of(System.getProperty("user.home"), ".attest-agent", "file-hashes");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = i + 1 < args.length ? args[++i] : null;
                case "--token" -> token = i + 1 < args.length ? args[++i] : null;
                case "--interval" -> interval = i + 1 < args.length ? Long.parseLong(args[++i]) : 0;
                case "--watch" -> {
                    if (i + 1 < args.length) {
                        watch.add(Path.of(args[++i]));
                    }
                }
                case "--state" -> state = i + 1 < args.length ? Path.of(args[++i]) : state;
                default -> {
                    out.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        if (server == null || token == null) {
            out.println("usage: java -jar attest.jar agent --server URL --token TOKEN [--interval MINUTES] [--watch PATH]... [--state FILE]");
            return 2;
        }
        if (token.isBlank()) {
            token = System.getenv().getOrDefault("ATTEST_AGENT_TOKEN", "");
        }
        while (true) {
            int status = pushOnce(server, token, out, watch.isEmpty() ? FileIntegrity.DEFAULT_PATHS.stream().map(Path::of).toList() : watch, state);
            if (interval <= 0) {
                return status;
            }
            try {
                Thread.sleep(Duration.ofMinutes(interval).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    static int pushOnce(String server, String token, PrintStream out, List<Path> watch, Path state) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>(new LinuxHost().read());
        try {
            facts.put("fileIntegrity", new FileIntegrity(state).check(watch));
        } catch (java.io.IOException e) {
            out.println("file integrity not checked: cannot keep hashes in " + state + " (" + e.getMessage() + ")");
        }
        String hostname = String.valueOf(facts.get("hostname"));
        String body = Documents.write(Map.of("source", "agent:" + hostname,
                "resources", List.of(Map.of("type", "host.linux", "id", hostname, "data", facts))));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceFirst("/+$", "") + "/api/v1/resources"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                out.println("pushed host.linux " + hostname + " to " + server);
                return 0;
            }
            out.println("the server refused the push: HTTP " + response.statusCode() + " " + response.body());
            return 1;
        } catch (java.io.IOException | IllegalArgumentException e) {
            out.println("cannot reach " + server + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
