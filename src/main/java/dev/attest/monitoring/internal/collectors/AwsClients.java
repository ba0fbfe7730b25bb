package dev.attest.monitoring.internal.collectors;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK clients of one collection: one HTTP client, the SDK's standard retry mode (backoff with jitter
 * on throttling and 5xx), each service client built once per region and closed with the collection.
 */
final class AwsClients implements AutoCloseable {

    private final URI endpoint;
    private final Region home;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build();
    private final Map<String, AutoCloseable> clients = new HashMap<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private AwsCredentialsProvider credentials;

    AwsClients(URI endpoint, Region home, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.home = home;
        this.credentials = credentials;
    }

    void use(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
        if (credentials instanceof AutoCloseable closeable) {
            closing.add(closeable);
        }
    }

    Region home() {
        return home;
    }

    StsClient sts(AwsCredentialsProvider with) {
        StsClient sts = build(StsClient.builder(), home, with);
        closing.add(sts);
        return sts;
    }

    IamClient iam() {
        // IAM is global; its endpoint sits in us-east-1 (or the partition's first region).
        return cached("iam", home, () -> build(IamClient.builder(), Region.AWS_GLOBAL, credentials));
    }

    S3Client s3() {
        return cached("s3", home, () -> {
            var builder = S3Client.builder().forcePathStyle(endpoint != null)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            if (endpoint == null) {
                builder.crossRegionAccessEnabled(true); // buckets live in many regions; one client follows them
            }
            return build(builder, home, credentials);
        });
    }

    S3ControlClient s3Control() {
        return cached("s3control", home, () -> {
            var builder = S3ControlClient.builder();
            if (endpoint != null) {
                // S3 Control's endpoint rules put the account id in front of the host name, which an override address
                // cannot take: with an override, every call goes to the override itself.
                builder.endpointProvider(params -> java.util.concurrent.CompletableFuture.completedFuture(
                        software.amazon.awssdk.endpoints.Endpoint.builder().url(endpoint).build()));
                return build(builder, home, credentials, o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
            }
            return build(builder, home, credentials);
        });
    }

    Ec2Client ec2(Region region) {
        return cached("ec2", region, () -> build(Ec2Client.builder(), region, credentials));
    }

    RdsClient rds(Region region) {
        return cached("rds", region, () -> build(RdsClient.builder(), region, credentials));
    }

    KmsClient kms(Region region) {
        return cached("kms", region, () -> build(KmsClient.builder(), region, credentials));
    }

    CloudTrailClient cloudTrail(Region region) {
        return cached("cloudtrail", region, () -> build(CloudTrailClient.builder(), region, credentials));
    }

    AwsSignedJson json() {
        return new AwsSignedJson(http, credentials, endpoint);
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C cached(String service, Region region, java.util.function.Supplier<C> create) {
        return (C) clients.computeIfAbsent(service + "/" + region.id(), k -> create.get());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region, AwsCredentialsProvider with) {
        return build(builder, region, with, o -> {
        });
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region, AwsCredentialsProvider with,
                                                                                        java.util.function.Consumer<ClientOverrideConfiguration.Builder> more) {
        builder.region(region).credentialsProvider(with).httpClient(http)
                .overrideConfiguration(o -> more.accept(o.retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofMinutes(2)).apiCallAttemptTimeout(Duration.ofSeconds(60))));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    @Override
    public void close() {
        for (AutoCloseable client : clients.values()) {
            closeQuietly(client);
        }
        for (AutoCloseable client : closing) {
            closeQuietly(client);
        }
        http.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing releases connections; a failure there changes nothing that was read
        }
    }

}
