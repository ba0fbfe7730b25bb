package dev.attest.image;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image that {@code ./mvnw -Pimage compile jib:buildTar} writes to {@code target/jib-image.tar}: its
 * layers hold the application and a Java runtime, its entrypoint starts Attest, and it runs as a user
 * other than root. Skipped when the tar has not been built, unless ATTEST_REQUIRE_IMAGE=true (set it where
 * the build runs {@code jib:buildTar} before the tests).
 */
class ImageTarTest {

    private static final Path IMAGE = Path.of("target", "jib-image.tar");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theImageHoldsTheApplicationItsRuntimeAndAnEntrypointThatRunsAsANonRootUser() throws IOException {
        if (!Files.isRegularFile(IMAGE)) {
            String message = "no image tar: build it first with ./mvnw -Pimage compile jib:buildTar";
            if ("true".equals(System.getenv("ATTEST_REQUIRE_IMAGE"))) {
                throw new IllegalStateException(message + " (ATTEST_REQUIRE_IMAGE=true)");
            }
            Assumptions.abort(message);
        }
        Map<String, byte[]> top = new HashMap<>();
        try (InputStream in = Files.newInputStream(IMAGE)) {
            Tar.entries(in, (name, content) -> top.put(name, content.readAllBytes()));
        }
        JsonNode manifest = JSON.readTree(top.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(top.get(manifest.get("Config").asText())).get("config");

        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        String entrypoint = config.get("Entrypoint").toString();
        assertThat(entrypoint).contains("java", "dev.attest.AttestApplication");
        assertThat(config.get("Env").toString()).contains("ATTEST_DATA_DIR=/var/lib/attest");

        Set<String> files = new HashSet<>();
        for (JsonNode layer : manifest.get("Layers")) {
            byte[] bytes = top.get(layer.asText());
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                Tar.entries(in, (name, content) -> files.add(name.startsWith("/") ? name : "/" + name));
            }
        }
        assertThat(files).contains("/app/classes/dev/attest/AttestApplication.class", "/opt/java/bin/java",
                "/app/resources/application.yml", "/app/resources/db/migration/V1__foundation.sql");
        assertThat(files).anyMatch(f -> f.startsWith("/app/libs/spring-boot-4"));
        assertThat(files).anyMatch(f -> f.startsWith("/lib/x86_64-linux-gnu/libc.so")).contains("/lib64/ld-linux-x86-64.so.2");
    }

    /** Just enough of the tar format to list entries and read their bytes. */
    static final class Tar {

        interface Entry {
            void accept(String name, InputStream content) throws IOException;
        }

        static void entries(InputStream in, Entry action) throws IOException {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    return;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                char type = (char) header[156];
                if (type == '0' || type == 0 || type == '5' || type == '2') {
                    action.accept(prefix.isEmpty() ? name : prefix + "/" + name, new java.io.ByteArrayInputStream(content));
                }
            }
        }

        private static String field(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
        }

    }
}
