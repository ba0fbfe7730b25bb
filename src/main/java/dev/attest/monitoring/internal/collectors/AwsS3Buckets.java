package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3: the account's public access block (on the {@code aws.iam.account} document) and each bucket
 * ({@code aws.s3.bucket}) with its own block, default encryption, versioning and access logging.
 */
record AwsS3Buckets(AwsClients clients, String accountId, AwsCalls calls) {

    private static final String NO_BLOCK = "NoSuchPublicAccessBlockConfiguration";

    void read(Map<String, Object> account, List<Resource> resources) {
        PublicAccessBlockConfiguration accountBlock = calls.call("s3:GetAccountPublicAccessBlock", null, () -> AwsCalls.orWhenAbsent(
                () -> clients.s3Control().getPublicAccessBlock(r -> r.accountId(accountId)).publicAccessBlockConfiguration(),
                PublicAccessBlockConfiguration.builder().build(), NO_BLOCK), null);
        boolean accountBlocked = false;
        if (accountBlock != null) {
            account.put("s3BlockPublicAcls", Boolean.TRUE.equals(accountBlock.blockPublicAcls()));
            account.put("s3IgnorePublicAcls", Boolean.TRUE.equals(accountBlock.ignorePublicAcls()));
            account.put("s3BlockPublicPolicy", Boolean.TRUE.equals(accountBlock.blockPublicPolicy()));
            account.put("s3RestrictPublicBuckets", Boolean.TRUE.equals(accountBlock.restrictPublicBuckets()));
            accountBlocked = allSet(accountBlock.blockPublicAcls(), accountBlock.ignorePublicAcls(), accountBlock.blockPublicPolicy(),
                    accountBlock.restrictPublicBuckets());
            account.put("s3AccountPublicAccessBlocked", accountBlocked);
        }
        List<Bucket> buckets = calls.call("s3:ListAllMyBuckets", null, () -> clients.s3().listBuckets().buckets(), List.of());
        for (Bucket bucket : buckets) {
            resources.add(bucket(bucket, accountBlocked));
        }
    }

    private Resource bucket(Bucket bucket, boolean accountBlocked) {
        String name = bucket.name();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("accountId", accountId);
        d.put("name", name);
        if (bucket.creationDate() != null) {
            d.put("createdAt", bucket.creationDate().toString());
        }
        String location = calls.call("s3:GetBucketLocation", null, () -> clients.s3().getBucketLocation(r -> r.bucket(name)).locationConstraintAsString(), null);
        d.put("region", location == null || location.isEmpty() || location.equals("null") ? clients.home().id() : location);
        var block = calls.call("s3:GetBucketPublicAccessBlock", null, () -> AwsCalls.orWhenAbsent(
                () -> clients.s3().getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration(),
                software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration.builder().build(), NO_BLOCK), null);
        if (block != null) {
            boolean bucketBlocked = allSet(block.blockPublicAcls(), block.ignorePublicAcls(), block.blockPublicPolicy(), block.restrictPublicBuckets());
            d.put("bucketPublicAccessBlocked", bucketBlocked);
            d.put("publicAccessBlocked", bucketBlocked || accountBlocked);
        } else if (accountBlocked) {
            d.put("publicAccessBlocked", true);
        }
        String encryption = calls.call("s3:GetEncryptionConfiguration", null, () -> AwsCalls.orWhenAbsent(() -> {
            List<ServerSideEncryptionRule> rules = clients.s3().getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration().rules();
            return rules.isEmpty() || rules.get(0).applyServerSideEncryptionByDefault() == null ? ""
                    : rules.get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString();
        }, "", "ServerSideEncryptionConfigurationNotFoundError"), null);
        if (encryption != null) {
            d.put("encrypted", !encryption.isEmpty());
            d.put("encryption", encryption);
        }
        var versioning = calls.call("s3:GetBucketVersioning", null, () -> clients.s3().getBucketVersioning(r -> r.bucket(name)), null);
        if (versioning != null) {
            d.put("versioning", versioning.statusAsString() == null ? "Off" : versioning.statusAsString());
            d.put("versioningEnabled", "Enabled".equals(versioning.statusAsString()));
            d.put("mfaDelete", "Enabled".equals(versioning.mfaDeleteAsString()));
        }
        var logging = calls.call("s3:GetBucketLogging", null, () -> clients.s3().getBucketLogging(r -> r.bucket(name)), null);
        if (logging != null) {
            d.put("loggingEnabled", logging.loggingEnabled() != null);
            if (logging.loggingEnabled() != null) {
                d.put("loggingTarget", logging.loggingEnabled().targetBucket());
            }
        }
        return new Resource("aws.s3.bucket", "arn:aws:s3:::" + name, d);
    }

    /** Whether all four settings of a public access block are on. */
    private static boolean allSet(Boolean... settings) {
        for (Boolean setting : settings) {
            if (!Boolean.TRUE.equals(setting)) {
                return false;
            }
        }
        return true;
    }
}
