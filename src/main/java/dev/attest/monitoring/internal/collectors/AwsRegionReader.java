package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One enabled region of an account: security groups, EBS default encryption, RDS instances, customer KMS
 * keys, CloudTrail trails, and whether GuardDuty, Security Hub and Config watch the region
 * ({@code aws.account.region}).
 */
record AwsRegionReader(AwsClients clients, String accountId, AwsCalls calls, List<Resource> resources) {

    /** A regional resource's document, starting with where it is: the account and the region. */
    static Map<String, Object> document(String accountId, String region) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("accountId", accountId);
        d.put("region", region);
        return d;
    }

    /** Reads one region; answers how many multi-region trails with log file validation are logging there. */
    int read(Region region) {
        String id = region.id();
        // Security groups first: a region not enabled for the account refuses the credentials here.
        List<SecurityGroup> groups = calls.call("ec2:DescribeSecurityGroups", id, () -> {
            List<SecurityGroup> all = new ArrayList<>();
            clients.ec2(region).describeSecurityGroupsPaginator(DescribeSecurityGroupsRequest.builder().build())
                    .forEach(page -> all.addAll(page.securityGroups()));
            return all;
        }, List.of());
        for (SecurityGroup group : groups) {
            resources.add(AwsSecurityGroups.resource(accountId, id, group));
        }
        Map<String, Object> settings = document(accountId, id);
        Boolean ebs = calls.call("ec2:GetEbsEncryptionByDefault", id, () -> clients.ec2(region).getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault(), null);
        if (ebs != null) {
            settings.put("ebsEncryptionByDefault", ebs);
        }
        for (DBInstance db : calls.call("rds:DescribeDBInstances", id, () -> {
            List<DBInstance> all = new ArrayList<>();
            clients.rds(region).describeDBInstancesPaginator(DescribeDbInstancesRequest.builder().build()).forEach(p -> all.addAll(p.dbInstances()));
            return all;
        }, List.<DBInstance>of())) {
            resources.add(database(id, db));
        }
        readKeys(region);
        int trails = readTrails(region);
        readDetectionServices(region, settings);
        resources.add(new Resource("aws.account.region", accountId + "/" + id, settings));
        return trails;
    }

    private Resource database(String region, DBInstance db) {
        Map<String, Object> d = document(accountId, region);
        d.put("identifier", db.dbInstanceIdentifier());
        d.put("engine", db.engine());
        if (db.engineVersion() != null) {
            d.put("engineVersion", db.engineVersion());
        }
        d.put("storageEncrypted", Boolean.TRUE.equals(db.storageEncrypted()));
        d.put("backupRetentionDays", db.backupRetentionPeriod() == null ? 0L : (long) db.backupRetentionPeriod());
        d.put("publiclyAccessible", Boolean.TRUE.equals(db.publiclyAccessible()));
        d.put("deletionProtection", Boolean.TRUE.equals(db.deletionProtection()));
        d.put("multiAz", Boolean.TRUE.equals(db.multiAZ()));
        d.put("autoMinorVersionUpgrade", Boolean.TRUE.equals(db.autoMinorVersionUpgrade()));
        String arn = db.dbInstanceArn() != null ? db.dbInstanceArn() : "arn:aws:rds:" + region + ":" + accountId + ":db:" + db.dbInstanceIdentifier();
        return new Resource("aws.rds.instance", arn, d);
    }

    private void readKeys(Region region) {
        String id = region.id();
        List<KeyListEntry> keys = calls.call("kms:ListKeys", id, () -> {
            List<KeyListEntry> all = new ArrayList<>();
            clients.kms(region).listKeysPaginator(ListKeysRequest.builder().build()).forEach(p -> all.addAll(p.keys()));
            return all;
        }, List.of());
        for (KeyListEntry key : keys) {
            KeyMetadata meta = calls.call("kms:DescribeKey", id, () -> clients.kms(region).describeKey(r -> r.keyId(key.keyId())).keyMetadata(), null);
            // AWS managed keys rotate every year by themselves and cannot be changed: only customer keys are the account's to keep.
            if (meta == null || !"CUSTOMER".equals(meta.keyManagerAsString())) {
                continue;
            }
            Map<String, Object> d = document(accountId, id);
            d.put("keyId", key.keyId());
            d.put("state", meta.keyStateAsString());
            d.put("enabled", "Enabled".equals(meta.keyStateAsString()));
            d.put("keySpec", meta.keySpecAsString() == null ? "SYMMETRIC_DEFAULT" : meta.keySpecAsString());
            d.put("origin", meta.originAsString());
            boolean rotatable = "Enabled".equals(meta.keyStateAsString()) && "SYMMETRIC_DEFAULT".equals(d.get("keySpec"))
                    && !"EXTERNAL".equals(meta.originAsString());
            d.put("rotatable", rotatable);
            if (rotatable) {
                Boolean rotation = calls.call("kms:GetKeyRotationStatus", id,
                        () -> clients.kms(region).getKeyRotationStatus(r -> r.keyId(key.keyId())).keyRotationEnabled(), null);
                if (rotation != null) {
                    d.put("rotationEnabled", rotation);
                }
            }
            String arn = key.keyArn() != null ? key.keyArn() : "arn:aws:kms:" + id + ":" + accountId + ":key/" + key.keyId();
            resources.add(new Resource("aws.kms.key", arn, d));
        }
    }

    private int readTrails(Region region) {
        String id = region.id();
        // Shadow trails are left out: each trail is read once, in its home region, where its status is served.
        List<Trail> trails = calls.call("cloudtrail:DescribeTrails", id,
                () -> clients.cloudTrail(region).describeTrails(r -> r.includeShadowTrails(false)).trailList(), List.of());
        int counted = 0;
        for (Trail trail : trails) {
            if (trail.trailARN() == null) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("accountId", accountId);
            d.put("name", trail.name());
            d.put("homeRegion", trail.homeRegion() == null ? id : trail.homeRegion());
            d.put("multiRegion", Boolean.TRUE.equals(trail.isMultiRegionTrail()));
            d.put("logFileValidation", Boolean.TRUE.equals(trail.logFileValidationEnabled()));
            d.put("kmsEncrypted", trail.kmsKeyId() != null && !trail.kmsKeyId().isBlank());
            if (trail.s3BucketName() != null) {
                d.put("s3Bucket", trail.s3BucketName());
            }
            d.put("organizationTrail", Boolean.TRUE.equals(trail.isOrganizationTrail()));
            Boolean logging = calls.call("cloudtrail:GetTrailStatus", id, () -> clients.cloudTrail(region).getTrailStatus(r -> r.name(trail.trailARN())).isLogging(), null);
            if (logging != null) {
                d.put("logging", logging);
            }
            if (Boolean.TRUE.equals(trail.isMultiRegionTrail()) && Boolean.TRUE.equals(trail.logFileValidationEnabled()) && !Boolean.FALSE.equals(logging)) {
                counted++;
            }
            resources.add(new Resource("aws.cloudtrail.trail", trail.trailARN(), d));
        }
        return counted;
    }

    @SuppressWarnings("unchecked")
    private void readDetectionServices(Region region, Map<String, Object> settings) {
        String id = region.id();
        AwsSignedJson json = clients.json();
        List<Object> detectors = calls.call("guardduty:ListDetectors", id,
                () -> (List<Object>) json.get("guardduty", id, "/detector").getOrDefault("detectorIds", List.of()), null);
        if (detectors != null) {
            boolean enabled = false;
            for (Object detector : detectors) {
                String status = calls.call("guardduty:GetDetector", id,
                        () -> String.valueOf(json.get("guardduty", id, "/detector/" + detector).get("status")), null);
                enabled |= "ENABLED".equals(status);
            }
            settings.put("guardDutyEnabled", enabled);
        }
        // Security Hub answers InvalidAccessException when the account has not enabled it in this region.
        Boolean hub = calls.call("securityhub:DescribeHub", id, () -> AwsCalls.orWhenAbsent(
                () -> json.get("securityhub", id, "/accounts").get("HubArn") != null, false,
                "InvalidAccessException", "ResourceNotFoundException"), null);
        if (hub != null) {
            settings.put("securityHubEnabled", hub);
        }
        Boolean recording = calls.call("config:DescribeConfigurationRecorderStatus", id, () -> {
            Object statuses = json.target("config", id, "StarlingDoveService.DescribeConfigurationRecorderStatus", "{}")
                    .get("ConfigurationRecordersStatus");
            return statuses instanceof List<?> list && list.stream()
                    .anyMatch(s -> s instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("recording")));
        }, null);
        if (recording != null) {
            settings.put("configRecording", recording);
        }
    }
}
