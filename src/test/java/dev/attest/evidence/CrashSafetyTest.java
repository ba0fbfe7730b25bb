package dev.attest.evidence;

import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the application with SIGKILL while uploads and evaluations are in flight, starts it again on
 * the same data folder, and checks that every acknowledged upload is there and the ledger verifies.
 */
class CrashSafetyTest {

    static final String TOKEN = "attest_crash_test_token_0123456789abcdef";

    @TempDir
    Path data;

    /** On PostgreSQL the application gets a database of its own, so that its bootstrap token is the one created here. */
    private String database;

    @org.junit.jupiter.api.BeforeEach
    void ownDatabase() throws Exception {
        String shared = System.getenv("ATTEST_DB_URL");
        if (shared == null || !shared.startsWith("jdbc:postgresql:")) {
            return;
        }
        String name = "attest_crash_" + UUID.randomUUID().toString().substring(0, 8);
        String user = System.getenv().getOrDefault("ATTEST_DB_USER", "postgres");
        try (var connection = java.sql.DriverManager.getConnection(shared, user, System.getenv().getOrDefault("ATTEST_DB_PASSWORD", ""));
             var st = connection.createStatement()) {
            st.execute("create database " + name);
        }
        database = shared.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @org.junit.jupiter.api.AfterEach
    void dropDatabase() throws Exception {
        if (database == null) {
            return;
        }
        String shared = System.getenv("ATTEST_DB_URL");
        String name = database.replaceFirst("^.*/([^/?]+).*$", "$1");
        try (var connection = java.sql.DriverManager.getConnection(shared, System.getenv().getOrDefault("ATTEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("ATTEST_DB_PASSWORD", "")); var st = connection.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
    }

    private Process start(int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.attest.AttestApplication",
                "--server.port=" + port, "--attest.data-dir=" + data, "--attest.scheduling.enabled=false",
                "--attest.bootstrap.admin-email=admin@localhost", "--attest.bootstrap.admin-password=correct-horse-battery-staple",
                "--attest.bootstrap.api-token=" + TOKEN, "--logging.level.root=warn"));
        if (database != null) {
            command.add("--spring.datasource.url=" + database);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("app-" + System.nanoTime() + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(480);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application exited while starting").isTrue();
            try {
                if (Http.anonymous(port).get("/actuator/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("the application did not start within 480 s (a busy machine starts it slowly; an idle one in about 15 s)");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyAcknowledgedUploadSurvivesASigkillAndTheLedgerStillVerifies() throws Exception {
        int port = freePort();
        Process app = start(port);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(5);
        for (int w = 0; w < 4; w++) {
            workers.submit(() -> {
                while (running.get()) {
                    byte[] content = ("evidence " + UUID.randomUUID()).repeat(200).getBytes(StandardCharsets.UTF_8);
                    try {
                        var response = Multipart.post(port, TOKEN, "/api/v1/evidence", Map.of("title", "crash test"), "e.txt", content);
                        if (response.statusCode() == 201) {
                            String id = response.body().replaceFirst("(?s).*\"id\":\"([^\"]+)\".*", "$1");
                            acknowledged.put(id, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
                        }
                    } catch (Exception killed) {
                        // the application died mid-request: that upload was never acknowledged
                    }
                }
                return null;
            });
        }
        workers.submit(() -> {
            Http api = Http.withToken(port, TOKEN);
            int i = 0;
            while (running.get()) {
                try {
                    api.postJson("/api/v1/resources", """
                            {"resources": [{"type": "host.linux", "id": "crash-%d", "data": {"auditd": true, "timeSync": false}}]}"""
                            .formatted(i++ % 5));
                } catch (Exception killed) {
                    // expected once the process is gone
                }
            }
            return null;
        });
        Thread.sleep(6000);
        app.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        app.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        assertThat(acknowledged).as("uploads acknowledged before the kill").isNotEmpty();

        int again = freePort();
        Process restarted = start(again);
        try {
            Http api = Http.withToken(again, TOKEN);
            for (var entry : acknowledged.entrySet()) {
                var item = api.get("/api/v1/evidence/" + entry.getKey());
                assertThat(item.status()).as("acknowledged upload " + entry.getKey()).isEqualTo(200);
                assertThat(item.json().get("sha256").asText()).isEqualTo(entry.getValue());
                var content = api.get("/api/v1/evidence/" + entry.getKey() + "/content");
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(content.body().getBytes(StandardCharsets.UTF_8)))).isEqualTo(entry.getValue());
            }
            var verify = api.get("/api/v1/evidence/ledger/verify");
            assertThat(verify.json().get("valid").asBoolean()).as(verify.body()).isTrue();
            assertThat(verify.json().get("entries").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
