package dev.attest.evidence.internal;

import dev.attest.support.ObjectStoreServer;
import dev.attest.web.SettingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evidence in an S3-compatible bucket, against s3proxy on loopback. */
class S3EvidenceStorageTest {

    static ObjectStoreServer server;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startStore() throws Exception {
        server = ObjectStoreServer.start("evidence-unit");
    }

    @AfterAll
    static void stopStore() throws Exception {
        server.close();
    }

    private static ObjectStoreProperties settings(ObjectStoreServer store, String bucket, String secret) {
        return new ObjectStoreProperties(store.endpoint(), null, bucket, "attest/", true, ObjectStoreServer.ACCESS_KEY, secret, null, null);
    }

    private S3EvidenceStorage storage() throws Exception {
        return new S3EvidenceStorage(settings(server, server.bucket(), ObjectStoreServer.SECRET_KEY), scratch);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void contentIsStoredUnderItsHashAndStoringItAgainRewritesNothing() throws Exception {
        byte[] content = ("firewall export " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        S3EvidenceStorage storage = storage();

        EvidenceStorage.Stored stored = storage.put(new ByteArrayInputStream(content), 1 << 20);

        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.size()).isEqualTo(content.length);
        try (var client = server.client()) {
            var head = client.headObject(b -> b.bucket(server.bucket()).key("attest/" + stored.sha256()));
            assertThat(head.contentLength()).isEqualTo(content.length);
            Thread.sleep(1100);
            storage.put(new ByteArrayInputStream(content), 1 << 20);
            assertThat(client.headObject(b -> b.bucket(server.bucket()).key("attest/" + stored.sha256())).lastModified())
                    .as("an object already stored is never written again").isEqualTo(head.lastModified());
        }
        try (InputStream in = storage.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(storage.contains(stored.sha256())).isTrue();
        assertThat(storage.contains(sha256("never stored".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThatThrownBy(() -> storage.open(sha256("never stored".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(NoSuchFileException.class);
        Map<String, Instant> listed = new HashMap<>();
        storage.forEachStored(listed::put);
        assertThat(listed).containsKey(stored.sha256());
        storage.destroy();
    }

    @Test
    void contentAboveTheLimitIsRefusedAndNotStored() throws Exception {
        byte[] content = ("too long " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        S3EvidenceStorage storage = storage();

        assertThatThrownBy(() -> storage.put(new ByteArrayInputStream(content), 5)).isInstanceOf(EvidenceStorage.TooLarge.class);

        assertThat(storage.contains(sha256(content))).isFalse();
        assertThat(scratch).isEmptyDirectory();
        storage.destroy();
    }

    @Test
    void wrongCredentialsStopStartUpWithASentenceNamingTheSetting() {
        assertThatThrownBy(() -> new S3EvidenceStorage(settings(server, server.bucket(), "not-the-secret"), scratch))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("refused the credentials")
                .hasMessageContaining("attest.evidence.s3.secret-key");
    }

    @Test
    void aMissingBucketStopsStartUpWithASentenceNamingTheSetting() {
        assertThatThrownBy(() -> new S3EvidenceStorage(settings(server, "no-such-bucket", ObjectStoreServer.SECRET_KEY), scratch))
                .isInstanceOf(SettingException.class)
                .hasMessage("The evidence bucket 'no-such-bucket' does not exist at " + server.endpoint()
                        + ": create it or correct attest.evidence.s3.bucket.");
    }

    @Test
    void aStoreThatGoesAwayMidUploadIsReportedAsUnavailable() throws Exception {
        try (ObjectStoreServer outage = ObjectStoreServer.start("evidence-outage")) {
            S3EvidenceStorage storage = new S3EvidenceStorage(settings(outage, outage.bucket(), ObjectStoreServer.SECRET_KEY), scratch);
            outage.stop();

            assertThatThrownBy(() -> storage.put(new ByteArrayInputStream("during the outage".getBytes(StandardCharsets.UTF_8)), 1 << 20))
                    .isInstanceOf(EvidenceStorage.Unavailable.class);
            assertThat(scratch).isEmptyDirectory();
            storage.destroy();
        }
    }
}
