package dev.attest.support;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * An S3-compatible object store for tests: s3proxy on loopback with its in-memory ("transient")
 * backend, one bucket, signature v4 credentials. It can be stopped to play an outage.
 */
public final class ObjectStoreServer implements AutoCloseable {

    public static final String ACCESS_KEY = "attest-test-access";
    public static final String SECRET_KEY = "attest-test-secret-0123456789";

    private final S3Proxy proxy;
    private final int port;
    private final String bucket;

    private ObjectStoreServer(String bucket) throws Exception {
        this.bucket = bucket;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        this.proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", properties))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    /** A running store with this (empty) bucket. */
    public static ObjectStoreServer start(String bucket) throws Exception {
        return new ObjectStoreServer(bucket);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    /** The settings that point Attest's evidence storage at this store. */
    public Map<String, Object> settings() {
        return Map.of("attest.evidence.storage", "s3", "attest.evidence.s3.endpoint", endpoint(),
                "attest.evidence.s3.bucket", bucket, "attest.evidence.s3.path-style", "true",
                "attest.evidence.s3.access-key", ACCESS_KEY, "attest.evidence.s3.secret-key", SECRET_KEY);
    }

    /** A client of the store, to look at what Attest wrote. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** The store goes away (an outage): every request from now on fails to connect. */
    public void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        if (!"STOPPED".equals(proxy.getState())) {
            proxy.stop();
        }
    }
}
