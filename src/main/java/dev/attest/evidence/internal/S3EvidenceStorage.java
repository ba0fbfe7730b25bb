package dev.attest.evidence.internal;

import dev.attest.web.DataDirectory;
import dev.attest.web.SettingException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Evidence in an S3-compatible bucket under {@code <prefix><sha256>}. The upload is hashed into a local
 * scratch file first (the key is the hash, so it must be known before the upload); an object that is
 * already there is never written again. {@code put} returns once the store has acknowledged the object,
 * which is before the evidence row commits: a crash in between leaves an orphan object, never a row
 * naming missing bytes, and {@link EvidenceOrphans} removes such objects after a day.
 */
@Component
@ConditionalOnProperty(name = "attest.evidence.storage", havingValue = "s3")
class S3EvidenceStorage implements EvidenceStorage, DisposableBean {

    private final S3Client s3;
    private final ObjectStoreProperties properties;
    private final Path scratch;

    @Autowired
    S3EvidenceStorage(ObjectStoreProperties properties, @Value("${" + DataDirectory.PROPERTY + "}") String dataDir) throws IOException {
        this(properties, Path.of(dataDir, "evidence-incoming"));
    }

    /** A store with its own scratch folder, for commands that run without the application. */
    S3EvidenceStorage(ObjectStoreProperties properties, Path scratch) throws IOException {
        this.properties = properties;
        this.scratch = Files.createDirectories(scratch);
        this.s3 = client(properties);
        checkBucket();
    }

    private static S3Client client(ObjectStoreProperties p) {
        if (ObjectStoreProperties.blank(p.bucket())) {
            throw new SettingException("Evidence storage is s3 but no bucket is set: set attest.evidence.s3.bucket (ATTEST_EVIDENCE_S3_BUCKET).", null);
        }
        AwsCredentialsProvider credentials = ObjectStoreProperties.blank(p.accessKey())
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(p.accessKey(), p.secretKey() == null ? "" : p.secretKey()));
        var builder = S3Client.builder()
                .region(Region.of(p.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(p.pathStyle())
                // Stores other than AWS (older MinIO, Ceph, Garage) do not all know the newer checksum headers;
                // integrity is checked by the content address itself.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (!ObjectStoreProperties.blank(p.endpoint())) {
            builder.endpointOverride(URI.create(p.endpoint()));
        }
        return builder.build();
    }

    /** Start-up refuses a store it cannot use, with one sentence naming the setting. */
    private void checkBucket() {
        String where = ObjectStoreProperties.blank(properties.endpoint()) ? "AWS S3 (" + properties.region() + ")" : properties.endpoint();
        try {
            s3.headBucket(b -> b.bucket(properties.bucket()));
        } catch (NoSuchBucketException e) {
            throw refused("The evidence bucket '" + properties.bucket() + "' does not exist at " + where
                    + ": create it or correct attest.evidence.s3.bucket.", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw refused("The evidence bucket '" + properties.bucket() + "' does not exist at " + where
                        + ": create it or correct attest.evidence.s3.bucket.", e);
            }
            if (e.statusCode() == 401 || e.statusCode() == 403) {
                throw refused("The object store at " + where + " refused the credentials for bucket '" + properties.bucket()
                        + "': check attest.evidence.s3.access-key and attest.evidence.s3.secret-key.", e);
            }
            throw refused("The object store at " + where + " answered " + e.statusCode() + " for bucket '" + properties.bucket()
                    + "': check attest.evidence.s3.endpoint.", e);
        } catch (SdkClientException e) {
            throw refused("The object store at " + where + " cannot be reached: check attest.evidence.s3.endpoint.", e);
        }
    }

    private SettingException refused(String sentence, Exception cause) {
        s3.close();
        return new SettingException(sentence, cause);
    }

    @Override
    public Stored put(InputStream content, long maxBytes) throws IOException {
        Path temp = scratch.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest digest = LedgerFormat.sha256();
            long size;
            try (InputStream in = new DigestInputStream(content, digest)) {
                size = copyAtMost(in, temp, maxBytes);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            boolean present;
            try {
                present = contains(sha);
            } catch (SdkException e) {
                throw unavailable("reach", e);
            }
            if (!present) {
                PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(properties.bucket()).key(key(sha))
                        .contentLength(size).contentType("application/octet-stream");
                if (!ObjectStoreProperties.blank(properties.serverSideEncryption())) {
                    request.serverSideEncryption(properties.serverSideEncryption());
                    if (!ObjectStoreProperties.blank(properties.kmsKeyId())) {
                        request.ssekmsKeyId(properties.kmsKeyId());
                    }
                }
                try {
                    s3.putObject(request.build(), RequestBody.fromFile(temp));
                } catch (SdkException e) {
                    throw unavailable("store", e);
                }
            }
            return new Stored(sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
        long size = 0;
        try (var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(properties.bucket()).key(key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key(sha256));
        } catch (SdkException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        try {
            s3.headObject(b -> b.bucket(properties.bucket()).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void forEachStored(BiConsumer<String, Instant> action) throws IOException {
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(properties.bucket()).prefix(properties.prefix())).contents()) {
                String sha = object.key().substring(properties.prefix().length());
                if (sha.matches("[0-9a-f]{64}")) {
                    action.accept(sha, object.lastModified());
                }
            }
        } catch (SdkException e) {
            throw unavailable("list", e);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(properties.bucket()).key(key(sha256)));
        } catch (SdkException e) {
            throw unavailable("delete", e);
        }
    }

    private String key(String sha) {
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return properties.prefix() + sha;
    }

    private Unavailable unavailable(String what, SdkException e) {
        return new Unavailable("The object store could not " + what + " evidence: " + e.getMessage(), e);
    }

    @Override
    public void destroy() {
        s3.close();
    }

}
