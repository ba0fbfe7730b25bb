package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.CredentialField;
import dev.attest.monitoring.internal.CredentialField.Input;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an AWS account through the AWS SDK for Java v2, read-only: IAM (users, credential report,
 * password policy, account summary, customer policies granting {@code *:*}), S3 buckets and the account's
 * public access block, and in every enabled region CloudTrail, KMS, EC2 security groups and EBS default
 * encryption, RDS instances, GuardDuty, Security Hub and Config. See {@link AwsTarget} for the target;
 * secrets are an access key ({@code accessKeyId}, {@code secretAccessKey}, optional {@code sessionToken}),
 * and with a role ARN target an {@code externalId} (the access key is then the principal that assumes the
 * role; without one, Attest's own AWS identity does). {@code region} names the home region (us-east-1).
 *
 * <p>What the credentials may not read is recorded on the run as a problem naming the IAM action, and the
 * run goes on; a region that refuses the credentials (not enabled for the account) is skipped likewise.
 */
@Component
@RequiredArgsConstructor
public class AwsCollector implements Collector {

    /** Every IAM action the collector calls, and nothing else: the policy the setup page hands out. */
    static final List<String> ACTIONS = List.of(
            "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
            "config:DescribeConfigurationRecorderStatus",
            "ec2:DescribeRegions", "ec2:DescribeSecurityGroups", "ec2:GetEbsEncryptionByDefault",
            "guardduty:GetDetector", "guardduty:ListDetectors",
            "iam:GenerateCredentialReport", "iam:GetAccountAuthorizationDetails", "iam:GetAccountPasswordPolicy",
            "iam:GetAccountSummary", "iam:GetCredentialReport",
            "kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:ListKeys",
            "rds:DescribeDBInstances",
            "s3:GetAccountPublicAccessBlock", "s3:GetBucketLocation", "s3:GetBucketLogging", "s3:GetBucketPublicAccessBlock",
            "s3:GetBucketVersioning", "s3:GetEncryptionConfiguration", "s3:ListAllMyBuckets",
            "securityhub:DescribeHub");

    private final FileImports imports;

    @Override
    public Description description() {
        String role = "With a role to assume (the target is the role's ARN)";
        String key = "Or with an access key (the target is the account id)";
        return Description.of("aws", "the 12-digit AWS account id (with an access key), or the ARN of a role to assume, e.g. arn:aws:iam::123456789012:role/AttestAudit",
                        "aws.iam.account", "aws.iam.user", "aws.iam.policy", "aws.s3.bucket", "aws.cloudtrail.trail",
                        "aws.kms.key", "aws.ec2.securitygroup", "aws.rds.instance", "aws.account.region")
                .withCredentials(
                        CredentialField.of("region", "Home region", Input.TEXT, "where Attest signs in first, us-east-1 if left empty"),
                        CredentialField.of("externalId", "External id", Input.TEXT, "the sts:ExternalId the role's trust policy requires").inChoice(role),
                        CredentialField.of("accessKeyId", "Access key id", Input.TEXT, "e.g. AKIA...").inChoice(key),
                        CredentialField.of("secretAccessKey", "Secret access key", Input.PASSWORD, null).inChoice(key))
                .withSetup(
                        new SetupStep("Create a read-only policy",
                                "In IAM, create a customer managed policy named AttestReadOnly from this document. It grants only the "
                                        + "List, Get and Describe actions Attest calls; it cannot change anything or read object contents.",
                                policyDocument()),
                        new SetupStep("Create a role Attest assumes (recommended)",
                                "Create a role named AttestAudit with this trust policy, attach AttestReadOnly, and use its ARN as the "
                                        + "connection's target. Replace ATTEST_PRINCIPAL_ARN with the IAM user or role Attest runs as, and "
                                        + "EXTERNAL_ID with a long random value that you also save as the connection's externalId secret.",
                                trustPolicy()),
                        new SetupStep("Or use an access key",
                                "Without a role: create an IAM user, attach AttestReadOnly, create an access key, use the account id as "
                                        + "the target and save these secrets on the connection.",
                                "{\"accessKeyId\": \"AKIA...\", \"secretAccessKey\": \"...\", \"region\": \"us-east-1\"}"),
                        new SetupStep("Test the connection",
                                "Press Test connection: it names each permission the credentials lack. Regions that are not enabled "
                                        + "for the account are skipped.", null));
    }

    static String policyDocument() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < ACTIONS.size(); i++) {
            actions.append("        \"").append(ACTIONS.get(i)).append('"').append(i + 1 < ACTIONS.size() ? ",\n" : "\n");
        }
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "AttestReadOnly",
                    "Effect": "Allow",
                    "Action": [
                %s      ],
                    "Resource": "*"
                  }]
                }""".formatted(actions);
    }

    static String trustPolicy() {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"AWS": "ATTEST_PRINCIPAL_ARN"},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"sts:ExternalId": "EXTERNAL_ID"}}
                  }]
                }""";
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        AwsTarget aws = parse(target);
        try (AwsClients clients = signIn(aws, secrets, progress)) {
            return new AwsAccountReader(clients, aws.accountId(), imports, progress).read();
        }
    }

    /** The problems of a full read, each named once: missing permissions first. */
    @Override
    public List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        Set<String> problems = new LinkedHashSet<>();
        collect(target, secrets, Progress.of(step -> { }, message -> problems.add(message.replaceFirst(" in [a-z]{2}(-[a-z]+)+-\\d$", ""))));
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Boolean.compare(!a.startsWith("missing permission"), !b.startsWith("missing permission")));
        return sorted;
    }

    private static AwsTarget parse(String target) throws CollectionFailed {
        try {
            return AwsTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new CollectionFailed(e.getMessage());
        }
    }

    /** Builds the credentials, proves them with STS and checks they reach the target account. */
    private static AwsClients signIn(AwsTarget aws, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        String keyId = blankToNull(secrets.get("accessKeyId"));
        String secretKey = blankToNull(secrets.get("secretAccessKey"));
        if ((keyId == null) != (secretKey == null)) {
            throw new CollectionFailed("give both accessKeyId and secretAccessKey, or neither");
        }
        if (aws.roleArn() == null && keyId == null) {
            throw new CollectionFailed("an account id target needs an access key (accessKeyId and secretAccessKey); or use a role ARN as the target");
        }
        Region home;
        try {
            home = Region.of(secrets.getOrDefault("region", "us-east-1").strip());
        } catch (IllegalArgumentException e) {
            throw new CollectionFailed("region is not an AWS region name such as us-east-1");
        }
        String token = blankToNull(secrets.get("sessionToken"));
        AwsCredentialsProvider base = keyId == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(keyId, secretKey)
                : AwsSessionCredentials.create(keyId, secretKey, token));
        AwsClients clients = new AwsClients(aws.endpoint(), home, base);
        try {
            AwsCredentialsProvider credentials = base;
            if (aws.roleArn() != null) {
                progress.report("assuming " + aws.roleArn());
                String externalId = blankToNull(secrets.get("externalId"));
                StsClient sts = clients.sts(base);
                credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                        .refreshRequest(r -> r.roleArn(aws.roleArn()).roleSessionName("attest").externalId(externalId).durationSeconds(3600))
                        .build();
            }
            clients.use(credentials);
            GetCallerIdentityResponse identity = clients.sts(credentials).getCallerIdentity();
            if (!aws.accountId().equals(identity.account())) {
                throw new CollectionFailed("the credentials belong to AWS account " + identity.account() + ", not " + aws.accountId() + ".");
            }
            return clients;
        } catch (SdkException e) {
            clients.close();
            throw new CollectionFailed(refusal(aws, e), e);
        } catch (CollectionFailed e) {
            clients.close();
            throw e;
        }
    }

    /** One sentence for a sign-in AWS refused: what is wrong and what to change. */
    static String refusal(AwsTarget aws, SdkException e) {
        AwsServiceException service = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException s) {
                service = s;
                break;
            }
        }
        if (service == null) {
            return "Could not reach AWS STS" + (aws.endpoint() != null ? " at " + aws.endpoint() : "") + ": " + firstLine(e.getMessage());
        }
        String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
        return switch (code) {
            case "ExpiredToken", "ExpiredTokenException", "RequestExpired" ->
                    "AWS says the session token has expired: save fresh credentials on the connection.";
            case "InvalidClientTokenId", "UnrecognizedClientException" ->
                    "AWS does not recognise the access key id: it is wrong, deleted, or belongs to another partition.";
            case "SignatureDoesNotMatch" -> "AWS refused the secret access key: it does not belong to the access key id.";
            case "AccessDenied" -> aws.roleArn() != null
                    ? "AWS refused to let Attest assume " + aws.roleArn() + ": the external id is wrong, or the role's trust policy does not name Attest's principal."
                    : "AWS refused the credentials: " + firstLine(service.awsErrorDetails().errorMessage());
            default -> "AWS refused the credentials (" + code + "): " + firstLine(service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage());
        };
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A failure that is not AWS's answer, e.g. the endpoint is down. */
    static boolean unreachable(SdkException e) {
        return e instanceof SdkClientException;
    }
}
