package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector.CollectionFailed;
import dev.attest.monitoring.internal.Collector.Progress;
import dev.attest.monitoring.internal.Documents;
import dev.attest.web.InvalidFieldException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.UserDetail;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One read of one account, service by service. Each call that AWS refuses for want of a permission, or
 * that still fails after the SDK's retries, becomes a problem on the run naming the IAM action, and the
 * read goes on with the rest; documents are flat so that checks read them plainly.
 */
final class AwsAccountReader {

    /** Ports whose exposure to the whole internet the checks look at: remote administration and data stores. */
    static final List<Integer> WATCHED_PORTS = List.of(20, 21, 22, 23, 135, 445, 1433, 1521, 2375, 2376, 3306, 3389, 5432, 5601, 5984,
            6379, 9042, 9200, 9300, 11211, 27017);
    static final Set<Integer> ADMIN_PORTS = Set.of(22, 23, 3389, 2375, 2376, 135, 445);

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedAccess", "Forbidden");
    private static final Set<String> REGION_REFUSED = Set.of("AuthFailure", "UnrecognizedClientException", "InvalidClientTokenId",
            "OptInRequired", "InvalidToken");
    private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private final AwsClients clients;
    private final String accountId;
    private final FileImports imports;
    private final Progress progress;
    private final List<Resource> resources = new ArrayList<>();

    AwsAccountReader(AwsClients clients, String accountId, FileImports imports, Progress progress) {
        this.clients = clients;
        this.accountId = accountId;
        this.imports = imports;
        this.progress = progress;
    }

    /** A region that refused the credentials altogether: skipped. */
    private static final class RegionRefused extends RuntimeException {
        RegionRefused() {
            super(null, null, false, false);
        }
    }

    List<Resource> read() throws CollectionFailed {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountId", accountId);
        progress.report("reading IAM");
        readIam(account);
        progress.report("reading S3");
        readS3(account);
        progress.report("listing enabled regions");
        List<String> regions = call("ec2:DescribeRegions", null,
                () -> clients.ec2(clients.home()).describeRegions(r -> r.allRegions(false)).regions().stream()
                        .map(software.amazon.awssdk.services.ec2.model.Region::regionName).filter(Objects::nonNull).sorted().toList(),
                List.of(clients.home().id()));
        account.put("regions", regions);
        int multiRegionTrails = 0;
        for (String region : regions) {
            progress.report("reading " + region);
            try {
                multiRegionTrails += readRegion(Region.of(region));
            } catch (RegionRefused e) {
                progress.problem("region " + region + " skipped: AWS refused the credentials there (the region is not enabled for this account)");
            }
        }
        account.put("multiRegionTrailsWithValidation", (long) multiRegionTrails);
        resources.add(0, new Resource("aws.iam.account", accountId, account));
        return resources;
    }

    // ---- IAM

    private void readIam(Map<String, Object> account) {
        Map<String, Integer> summary = call("iam:GetAccountSummary", null, () -> clients.iam().getAccountSummary().summaryMapAsStrings(), null);
        if (summary != null) {
            account.put("rootMfaEnabled", summary.getOrDefault("AccountMFAEnabled", 0) > 0);
            account.put("rootAccessKeysPresent", summary.getOrDefault("AccountAccessKeysPresent", 0) > 0);
            account.put("users", (long) summary.getOrDefault("Users", 0));
            account.put("mfaDevicesInUse", (long) summary.getOrDefault("MFADevicesInUse", 0));
        }
        PasswordPolicy policy = call("iam:GetAccountPasswordPolicy", null, () -> {
            try {
                return clients.iam().getAccountPasswordPolicy().passwordPolicy();
            } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
                return PasswordPolicy.builder().build(); // the account has none: AWS's defaults apply
            }
        }, null);
        if (policy != null) {
            account.put("passwordPolicySet", policy.minimumPasswordLength() != null);
            account.put("minimumPasswordLength", policy.minimumPasswordLength() == null ? 0L : (long) policy.minimumPasswordLength());
            account.put("requireSymbols", Boolean.TRUE.equals(policy.requireSymbols()));
            account.put("requireNumbers", Boolean.TRUE.equals(policy.requireNumbers()));
            account.put("requireUppercase", Boolean.TRUE.equals(policy.requireUppercaseCharacters()));
            account.put("requireLowercase", Boolean.TRUE.equals(policy.requireLowercaseCharacters()));
            account.put("passwordReusePrevention", policy.passwordReusePrevention() == null ? 0L : (long) policy.passwordReusePrevention());
            account.put("maxPasswordAge", policy.maxPasswordAge() == null ? 0L : (long) policy.maxPasswordAge());
        }
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        for (Resource row : credentialReport()) {
            users.put(row.id(), new LinkedHashMap<>(row.data()));
        }
        if (!users.isEmpty()) {
            users.values().stream().filter(u -> Boolean.TRUE.equals(u.get("isRoot"))).findFirst()
                    .ifPresent(root -> account.put("rootLastUsed", root.get("passwordLastUsed")));
        }
        authorizationDetails(users);
        for (Map.Entry<String, Map<String, Object>> user : users.entrySet()) {
            Map<String, Object> d = user.getValue();
            d.put("accountId", accountId);
            d.putIfAbsent("groups", List.of());
            d.putIfAbsent("attachedPolicies", List.of());
            d.putIfAbsent("inlinePolicies", List.of());
            d.putIfAbsent("admin", Boolean.TRUE.equals(d.get("isRoot")));
            long active = (Boolean.TRUE.equals(d.get("accessKey1Active")) ? 1 : 0) + (Boolean.TRUE.equals(d.get("accessKey2Active")) ? 1 : 0);
            d.put("activeAccessKeys", active);
            String last = null;
            for (String field : List.of("passwordLastUsed", "accessKey1LastUsed", "accessKey2LastUsed")) {
                if (d.get(field) instanceof String time && (last == null || time.compareTo(last) > 0)) {
                    last = time;
                }
            }
            if (last != null) {
                d.put("lastUsed", last);
            }
            resources.add(new Resource("aws.iam.user", user.getKey(), d));
        }
    }

    /** The credential report's rows as users (MFA, password, both access keys with last use), or none. */
    private List<Resource> credentialReport() {
        return call("iam:GenerateCredentialReport", null, () -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                String state = clients.iam().generateCredentialReport().stateAsString();
                if ("COMPLETE".equals(state)) {
                    break;
                }
                pause(Math.min(500L * (attempt + 1), 3000L));
            }
            return call("iam:GetCredentialReport", null, () -> {
                String csv = clients.iam().getCredentialReport().content().asUtf8String();
                try {
                    return imports.awsCredentialReport(csv);
                } catch (InvalidFieldException e) {
                    progress.problem("the IAM credential report could not be read: " + e.getMessage());
                    return List.<Resource>of();
                }
            }, List.of());
        }, List.of());
    }

    /** Users with their groups and policies, and customer managed policies, one paginated call. */
    private void authorizationDetails(Map<String, Map<String, Object>> users) {
        call("iam:GetAccountAuthorizationDetails", null, () -> {
            List<UserDetail> userDetails = new ArrayList<>();
            Map<String, GroupDetail> groups = new HashMap<>();
            List<ManagedPolicyDetail> policies = new ArrayList<>();
            GetAccountAuthorizationDetailsRequest request = GetAccountAuthorizationDetailsRequest.builder()
                    .filter(EntityType.USER, EntityType.GROUP, EntityType.LOCAL_MANAGED_POLICY).build();
            for (GetAccountAuthorizationDetailsResponse page : clients.iam().getAccountAuthorizationDetailsPaginator(request)) {
                userDetails.addAll(page.userDetailList());
                page.groupDetailList().forEach(g -> groups.put(g.groupName(), g));
                policies.addAll(page.policies());
            }
            Set<String> adminPolicies = new TreeSet<>(Set.of(ADMINISTRATOR_ACCESS));
            for (ManagedPolicyDetail policy : policies) {
                boolean full = policy.policyVersionList().stream().filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
                        .map(PolicyVersion::document).anyMatch(AwsAccountReader::grantsEverything);
                if (full) {
                    adminPolicies.add(policy.arn());
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("accountId", accountId);
                d.put("name", policy.policyName());
                d.put("arn", policy.arn());
                long attachments = policy.attachmentCount() == null ? 0 : policy.attachmentCount();
                d.put("attachmentCount", attachments);
                d.put("attached", attachments > 0);
                d.put("grantsFullAdmin", full);
                resources.add(new Resource("aws.iam.policy", policy.arn(), d));
            }
            for (UserDetail user : userDetails) {
                Map<String, Object> d = users.computeIfAbsent(user.arn(), arn -> new LinkedHashMap<>(Map.of("user", user.userName(),
                        "arn", arn, "isRoot", false)));
                d.put("userName", user.userName());
                if (user.createDate() != null) {
                    d.putIfAbsent("userCreationTime", user.createDate().toString());
                }
                List<String> attached = user.attachedManagedPolicies().stream().map(AttachedPolicy::policyName).sorted().toList();
                List<String> inline = user.userPolicyList().stream().map(PolicyDetail::policyName).sorted().toList();
                boolean admin = user.attachedManagedPolicies().stream().anyMatch(p -> adminPolicies.contains(p.policyArn()))
                        || user.userPolicyList().stream().anyMatch(p -> grantsEverything(p.policyDocument()));
                for (String groupName : user.groupList()) {
                    GroupDetail group = groups.get(groupName);
                    if (group != null) {
                        admin |= group.attachedManagedPolicies().stream().anyMatch(p -> adminPolicies.contains(p.policyArn()))
                                || group.groupPolicyList().stream().anyMatch(p -> grantsEverything(p.policyDocument()));
                    }
                }
                d.put("groups", user.groupList().stream().sorted().toList());
                d.put("attachedPolicies", attached);
                d.put("inlinePolicies", inline);
                d.put("directPolicies", (long) (attached.size() + inline.size()));
                d.put("admin", admin);
            }
            return Boolean.TRUE;
        }, null);
    }

    /** Whether a policy document (IAM returns it URL-encoded) allows every action on every resource. */
    static boolean grantsEverything(String document) {
        if (document == null || document.isBlank()) {
            return false;
        }
        String json = document.strip().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
        Map<String, Object> policy;
        try {
            policy = Documents.read(json);
        } catch (RuntimeException e) {
            return false;
        }
        Object statements = policy.get("Statement");
        List<?> list = statements instanceof List<?> l ? l : statements == null ? List.of() : List.of(statements);
        for (Object item : list) {
            if (item instanceof Map<?, ?> statement && "Allow".equals(statement.get("Effect"))
                    && names(statement.get("Action")).contains("*") && names(statement.get("Resource")).contains("*")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    // ---- S3

    private void readS3(Map<String, Object> account) {
        PublicAccessBlockConfiguration accountBlock = call("s3:GetAccountPublicAccessBlock", null, () -> {
            try {
                return clients.s3Control().getPublicAccessBlock(r -> r.accountId(accountId)).publicAccessBlockConfiguration();
            } catch (AwsServiceException e) {
                if (code(e).equals("NoSuchPublicAccessBlockConfiguration")) {
                    return PublicAccessBlockConfiguration.builder().build();
                }
                throw e;
            }
        }, null);
        boolean accountBlocked = false;
        if (accountBlock != null) {
            account.put("s3BlockPublicAcls", Boolean.TRUE.equals(accountBlock.blockPublicAcls()));
            account.put("s3IgnorePublicAcls", Boolean.TRUE.equals(accountBlock.ignorePublicAcls()));
            account.put("s3BlockPublicPolicy", Boolean.TRUE.equals(accountBlock.blockPublicPolicy()));
            account.put("s3RestrictPublicBuckets", Boolean.TRUE.equals(accountBlock.restrictPublicBuckets()));
            accountBlocked = Boolean.TRUE.equals(accountBlock.blockPublicAcls()) && Boolean.TRUE.equals(accountBlock.ignorePublicAcls())
                    && Boolean.TRUE.equals(accountBlock.blockPublicPolicy()) && Boolean.TRUE.equals(accountBlock.restrictPublicBuckets());
            account.put("s3AccountPublicAccessBlocked", accountBlocked);
        }
        List<Bucket> buckets = call("s3:ListAllMyBuckets", null, () -> clients.s3().listBuckets().buckets(), List.of());
        for (Bucket bucket : buckets) {
            String name = bucket.name();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("accountId", accountId);
            d.put("name", name);
            if (bucket.creationDate() != null) {
                d.put("createdAt", bucket.creationDate().toString());
            }
            String location = call("s3:GetBucketLocation", null, () -> clients.s3().getBucketLocation(r -> r.bucket(name)).locationConstraintAsString(), null);
            d.put("region", location == null || location.isEmpty() || location.equals("null") ? clients.home().id() : location);
            var block = call("s3:GetBucketPublicAccessBlock", null, () -> {
                try {
                    return clients.s3().getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration();
                } catch (AwsServiceException e) {
                    if (code(e).equals("NoSuchPublicAccessBlockConfiguration")) {
                        return software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration.builder().build();
                    }
                    throw e;
                }
            }, null);
            if (block != null) {
                boolean bucketBlocked = Boolean.TRUE.equals(block.blockPublicAcls()) && Boolean.TRUE.equals(block.ignorePublicAcls())
                        && Boolean.TRUE.equals(block.blockPublicPolicy()) && Boolean.TRUE.equals(block.restrictPublicBuckets());
                d.put("bucketPublicAccessBlocked", bucketBlocked);
                d.put("publicAccessBlocked", bucketBlocked || accountBlocked);
            } else if (accountBlocked) {
                d.put("publicAccessBlocked", true);
            }
            String encryption = call("s3:GetEncryptionConfiguration", null, () -> {
                try {
                    List<ServerSideEncryptionRule> rules = clients.s3().getBucketEncryption(r -> r.bucket(name))
                            .serverSideEncryptionConfiguration().rules();
                    return rules.isEmpty() || rules.get(0).applyServerSideEncryptionByDefault() == null ? ""
                            : rules.get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString();
                } catch (AwsServiceException e) {
                    if (code(e).equals("ServerSideEncryptionConfigurationNotFoundError")) {
                        return "";
                    }
                    throw e;
                }
            }, null);
            if (encryption != null) {
                d.put("encrypted", !encryption.isEmpty());
                d.put("encryption", encryption);
            }
            var versioning = call("s3:GetBucketVersioning", null, () -> clients.s3().getBucketVersioning(r -> r.bucket(name)), null);
            if (versioning != null) {
                d.put("versioning", versioning.statusAsString() == null ? "Off" : versioning.statusAsString());
                d.put("versioningEnabled", "Enabled".equals(versioning.statusAsString()));
                d.put("mfaDelete", "Enabled".equals(versioning.mfaDeleteAsString()));
            }
            var logging = call("s3:GetBucketLogging", null, () -> clients.s3().getBucketLogging(r -> r.bucket(name)), null);
            if (logging != null) {
                d.put("loggingEnabled", logging.loggingEnabled() != null);
                if (logging.loggingEnabled() != null) {
                    d.put("loggingTarget", logging.loggingEnabled().targetBucket());
                }
            }
            resources.add(new Resource("aws.s3.bucket", "arn:aws:s3:::" + name, d));
        }
    }

    // ---- regional services

    /** Reads one region; answers how many multi-region trails with log file validation are logging there. */
    private int readRegion(Region region) {
        String id = region.id();
        // Security groups first: a region not enabled for the account refuses the credentials here.
        List<SecurityGroup> groups = call("ec2:DescribeSecurityGroups", id, () -> {
            List<SecurityGroup> all = new ArrayList<>();
            clients.ec2(region).describeSecurityGroupsPaginator(DescribeSecurityGroupsRequest.builder().build())
                    .forEach(page -> all.addAll(page.securityGroups()));
            return all;
        }, List.of());
        for (SecurityGroup group : groups) {
            resources.add(securityGroup(id, group));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("accountId", accountId);
        settings.put("region", id);
        Boolean ebs = call("ec2:GetEbsEncryptionByDefault", id, () -> clients.ec2(region).getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault(), null);
        if (ebs != null) {
            settings.put("ebsEncryptionByDefault", ebs);
        }
        for (DBInstance db : call("rds:DescribeDBInstances", id, () -> {
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

    private Resource securityGroup(String region, SecurityGroup group) {
        Set<Integer> open = new TreeSet<>();
        boolean allTraffic = false;
        long worldRules = 0;
        for (IpPermission permission : group.ipPermissions()) {
            boolean world = permission.ipRanges().stream().anyMatch(r -> "0.0.0.0/0".equals(r.cidrIp()))
                    || permission.ipv6Ranges().stream().anyMatch(r -> "::/0".equals(r.cidrIpv6()));
            if (!world) {
                continue;
            }
            worldRules++;
            String protocol = permission.ipProtocol() == null ? "" : permission.ipProtocol();
            if (protocol.equals("-1") || protocol.equals("all")) {
                allTraffic = true;
                open.addAll(WATCHED_PORTS);
                continue;
            }
            if (!protocol.equals("tcp") && !protocol.equals("6") && !protocol.equals("udp") && !protocol.equals("17")) {
                continue;
            }
            int from = permission.fromPort() == null ? 0 : permission.fromPort();
            int to = permission.toPort() == null ? 65535 : permission.toPort();
            for (int port : WATCHED_PORTS) {
                if (port >= from && port <= to) {
                    open.add(port);
                }
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("accountId", accountId);
        d.put("region", region);
        d.put("groupId", group.groupId());
        d.put("name", group.groupName());
        if (group.vpcId() != null) {
            d.put("vpcId", group.vpcId());
        }
        d.put("isDefault", "default".equals(group.groupName()));
        d.put("ingressRules", (long) group.ipPermissions().size());
        d.put("egressRules", (long) group.ipPermissionsEgress().size());
        d.put("worldIngressRules", worldRules);
        d.put("worldOpenPorts", open.stream().map(Integer::longValue).toList());
        d.put("worldOpenAdminPorts", open.stream().filter(ADMIN_PORTS::contains).map(Integer::longValue).toList());
        d.put("worldOpenAllTraffic", allTraffic);
        String owner = group.ownerId() == null ? accountId : group.ownerId();
        return new Resource("aws.ec2.securitygroup", "arn:aws:ec2:" + region + ":" + owner + ":security-group/" + group.groupId(), d);
    }

    private Resource database(String region, DBInstance db) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("accountId", accountId);
        d.put("region", region);
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
        List<KeyListEntry> keys = call("kms:ListKeys", id, () -> {
            List<KeyListEntry> all = new ArrayList<>();
            clients.kms(region).listKeysPaginator(ListKeysRequest.builder().build()).forEach(p -> all.addAll(p.keys()));
            return all;
        }, List.of());
        for (KeyListEntry key : keys) {
            KeyMetadata meta = call("kms:DescribeKey", id, () -> clients.kms(region).describeKey(r -> r.keyId(key.keyId())).keyMetadata(), null);
            // AWS managed keys rotate every year by themselves and cannot be changed: only customer keys are the account's to keep.
            if (meta == null || !"CUSTOMER".equals(meta.keyManagerAsString())) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("accountId", accountId);
            d.put("region", id);
            d.put("keyId", key.keyId());
            d.put("state", meta.keyStateAsString());
            d.put("enabled", "Enabled".equals(meta.keyStateAsString()));
            d.put("keySpec", meta.keySpecAsString() == null ? "SYMMETRIC_DEFAULT" : meta.keySpecAsString());
            d.put("origin", meta.originAsString());
            boolean rotatable = "Enabled".equals(meta.keyStateAsString()) && "SYMMETRIC_DEFAULT".equals(d.get("keySpec"))
                    && !"EXTERNAL".equals(meta.originAsString());
            d.put("rotatable", rotatable);
            if (rotatable) {
                Boolean rotation = call("kms:GetKeyRotationStatus", id,
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
        List<Trail> trails = call("cloudtrail:DescribeTrails", id,
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
            Boolean logging = call("cloudtrail:GetTrailStatus", id, () -> clients.cloudTrail(region).getTrailStatus(r -> r.name(trail.trailARN())).isLogging(), null);
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
        List<Object> detectors = call("guardduty:ListDetectors", id,
                () -> (List<Object>) json.get("guardduty", id, "/detector").getOrDefault("detectorIds", List.of()), null);
        if (detectors != null) {
            boolean enabled = false;
            for (Object detector : detectors) {
                String status = call("guardduty:GetDetector", id,
                        () -> String.valueOf(json.get("guardduty", id, "/detector/" + detector).get("status")), null);
                enabled |= "ENABLED".equals(status);
            }
            settings.put("guardDutyEnabled", enabled);
        }
        Boolean hub = call("securityhub:DescribeHub", id, () -> {
            try {
                return json.get("securityhub", id, "/accounts").get("HubArn") != null;
            } catch (AwsServiceException e) {
                // Security Hub answers InvalidAccessException when the account has not enabled it in this region.
                if (code(e).equals("InvalidAccessException") || code(e).equals("ResourceNotFoundException")) {
                    return false;
                }
                throw e;
            }
        }, null);
        if (hub != null) {
            settings.put("securityHubEnabled", hub);
        }
        Boolean recording = call("config:DescribeConfigurationRecorderStatus", id, () -> {
            Object statuses = json.target("config", id, "StarlingDoveService.DescribeConfigurationRecorderStatus", "{}")
                    .get("ConfigurationRecordersStatus");
            return statuses instanceof List<?> list && list.stream()
                    .anyMatch(s -> s instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("recording")));
        }, null);
        if (recording != null) {
            settings.put("configRecording", recording);
        }
    }

    // ---- calls

    /**
     * Makes one call. A refusal for want of permission, or a failure left after the SDK's retries, is a
     * problem on the run naming the action and where, and the read goes on with {@code otherwise}. In a
     * region, a refusal of the credentials themselves means the region is not enabled: it is skipped.
     */
    private <T> T call(String action, String region, Supplier<T> call, T otherwise) {
        String where = region == null ? "" : " in " + region;
        try {
            return call.get();
        } catch (RegionRefused e) {
            throw e;
        } catch (AwsServiceException e) {
            String code = code(e);
            // EC2 answers AuthFailure with a 401, whose body the JDK's HttpURLConnection does not hand over: the status says it.
            if (region != null && (REGION_REFUSED.contains(code) || e.statusCode() == 401)) {
                throw new RegionRefused();
            }
            if (DENIED.contains(code) || e.statusCode() == 403) {
                progress.problem("missing permission " + action + where);
            } else if (e.statusCode() >= 500 || e.isThrottlingException()) {
                progress.problem(action + where + ": AWS answered " + e.statusCode() + (code.isEmpty() ? "" : " " + code) + " after retries");
            } else {
                String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
                progress.problem(action + where + ": " + (code.isEmpty() ? "" : code + ": ") + AwsCollector.firstLine(message));
            }
            return otherwise;
        } catch (SdkClientException e) {
            progress.problem(action + where + ": " + AwsCollector.firstLine(e.getMessage()));
            return otherwise;
        }
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
