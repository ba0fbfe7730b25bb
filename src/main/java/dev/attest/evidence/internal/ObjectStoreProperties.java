package dev.attest.evidence.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code attest.evidence.s3.*}: the S3-compatible object store that holds evidence when
 * {@code attest.evidence.storage=s3} (AWS S3, MinIO, Ceph, Garage). Without an access key the SDK's
 * default credentials apply (environment, instance or pod role).
 *
 * @param endpoint             the store's URL; empty for AWS S3 in {@code region}
 * @param region               the signing region (any value for most S3-compatible stores)
 * @param bucket               the bucket, which must exist
 * @param prefix               a key prefix, so that one bucket can hold several installations
 * @param pathStyle            {@code http://host/bucket/key} addressing, which MinIO and Ceph usually need
 * @param accessKey            the access key id
 * @param secretKey            the secret key
 * @param serverSideEncryption {@code AES256} or {@code aws:kms}; empty for the bucket's default
 * @param kmsKeyId             the KMS key for {@code aws:kms}; empty for the account's default key
 */
@ConfigurationProperties("attest.evidence.s3")
public record ObjectStoreProperties(String endpoint, String region, String bucket, String prefix, boolean pathStyle,
                                    String accessKey, String secretKey, String serverSideEncryption, String kmsKeyId) {

    public ObjectStoreProperties {
        region = blank(region) ? "us-east-1" : region;
        prefix = blank(prefix) ? "evidence/" : (prefix.endsWith("/") ? prefix : prefix + "/");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
