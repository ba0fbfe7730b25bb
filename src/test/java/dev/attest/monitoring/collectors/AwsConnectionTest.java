package dev.attest.monitoring.collectors;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.attest.monitoring.collectors.FakeAws.ACCOUNT;
import static dev.attest.monitoring.collectors.FakeAws.SPECIFIC;
import static dev.attest.monitoring.collectors.FakeAws.ec2;
import static dev.attest.monitoring.collectors.FakeAws.ec2Error;
import static dev.attest.monitoring.collectors.FakeAws.iam;
import static dev.attest.monitoring.collectors.FakeAws.in;
import static dev.attest.monitoring.collectors.FakeAws.json;
import static dev.attest.monitoring.collectors.FakeAws.query;
import static dev.attest.monitoring.collectors.FakeAws.queryError;
import static dev.attest.monitoring.collectors.FakeAws.securityGroup;
import static dev.attest.monitoring.collectors.FakeAws.target;
import static dev.attest.monitoring.collectors.FakeAws.tcpFrom;
import static dev.attest.monitoring.collectors.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aws} connection kind end to end: the real AWS SDK for Java v2 against a stand-in that answers
 * as AWS's API references describe, through the connections API into resources, check results, findings
 * and access-review accounts, each test in a workspace of its own.
 */
@AttestTest
class AwsConnectionTest {

    private static final String CLOUDTRAIL = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    FakeAws aws;
    ExtraAccounts.Account admin;

    @BeforeEach
    void start() {
        aws = new FakeAws();
        admin = ExtraAccounts.inNewWorkspace(jdbc);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Http api() {
        return Http.withToken(port, admin.token());
    }

    private String connection(String target, String secrets) {
        var created = api().postJson("/api/v1/connections", """
                {"name": "aws %s", "kind": "aws", "target": "%s", "secrets": %s}""".formatted(System.nanoTime(), target, secrets));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static final String ROLE_SECRETS = """
            {"accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", "externalId": "attest-4f1c9a7e"}""";

    /** Runs the connection and waits for the run to end; answers the run. */
    private JsonNode run(String id) throws InterruptedException {
        var started = api().postJson("/api/v1/connections/" + id + "/runs", "");
        assertThat(started.status()).as(started.body()).isIn(200, 201, 202);
        for (int i = 0; i < 600; i++) {
            JsonNode runs = api().get("/api/v1/connections/" + id + "/runs").json();
            if (runs.size() > 0 && !"running".equals(runs.get(0).get("status").asText())) {
                return runs.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not end");
    }

    private List<JsonNode> resources(String type) {
        return StreamSupport.stream(api().get("/api/v1/resources?limit=5000&type=" + type).json().spliterator(), false).toList();
    }

    private List<JsonNode> openFindings(String check) {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = api().get("/api/v1/findings?status=open&limit=500&offset=" + offset + "&check=" + check).json();
            page.forEach(all::add);
            if (page.size() < 500) {
                return all;
            }
        }
    }

    private static String encoded(String policy) {
        return URLEncoder.encode(policy, StandardCharsets.UTF_8);
    }

    @Test
    void anAccountIsReadAcrossRegionsIntoResourcesAndFindingsAndProblemsAreNamed() throws Exception {
        aws.quietAccount(List.of("ap-east-1", "eu-west-1", "us-east-1"));
        var server = aws.server;
        // A region the account has not enabled refuses the credentials.
        server.stubFor(in(query("DescribeSecurityGroups"), "ap-east-1").atPriority(SPECIFIC)
                .willReturn(ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials")));
        // IAM throttles the first call, then answers: the SDK backs off and retries.
        server.stubFor(query("GetAccountSummary").atPriority(SPECIFIC).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered").willReturn(queryError(400, "Throttling", "Rate exceeded")));
        server.stubFor(query("GetAccountSummary").atPriority(SPECIFIC).inScenario("throttle").whenScenarioStateIs("answered")
                .willReturn(xml(iam("GetAccountSummary", """
                        <SummaryMap><entry><key>AccountMFAEnabled</key><value>0</value></entry>
                        <entry><key>AccountAccessKeysPresent</key><value>1</value></entry><entry><key>Users</key><value>2</value></entry>
                        <entry><key>SomethingNew</key><value>7</value></entry></SummaryMap>"""))));
        server.stubFor(query("GetCredentialReport").atPriority(SPECIFIC).willReturn(xml(iam("GetCredentialReport",
                "<Content>" + FakeAws.credentialReport(FakeAws.rootRow(false),
                        FakeAws.userRow("alice", true, false, null, null),
                        FakeAws.userRow("bob", false, false, "2025-01-01T00:00:00+00:00", "2025-06-01T00:00:00+00:00"))
                        + "</Content><ReportFormat>text/csv</ReportFormat>"))));
        // Users, groups and policies over two pages (Marker / IsTruncated).
        String adminPolicy = "arn:aws:iam::aws:policy/AdministratorAccess";
        String everything = encoded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        server.stubFor(query("GetAccountAuthorizationDetails").atPriority(SPECIFIC).willReturn(xml(iam("GetAccountAuthorizationDetails", """
                <IsTruncated>true</IsTruncated><Marker>page-2</Marker>
                <UserDetailList><member><UserName>alice</UserName><Path>/</Path><Arn>arn:aws:iam::%1$s:user/alice</Arn>
                  <UserId>AIDAEXAMPLEALICE</UserId><CreateDate>2024-01-01T00:00:00Z</CreateDate>
                  <GroupList><member>admins</member></GroupList><AttachedManagedPolicies/><UserPolicyList/><Tags/></member></UserDetailList>
                <GroupDetailList><member><GroupName>admins</GroupName><Path>/</Path><Arn>arn:aws:iam::%1$s:group/admins</Arn>
                  <AttachedManagedPolicies><member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>%2$s</PolicyArn></member></AttachedManagedPolicies>
                  <GroupPolicyList/></member></GroupDetailList><RoleDetailList/><Policies/>""".formatted(ACCOUNT, adminPolicy)))));
        server.stubFor(query("GetAccountAuthorizationDetails").withRequestBody(containing("Marker=page-2")).atPriority(SPECIFIC)
                .willReturn(xml(iam("GetAccountAuthorizationDetails", """
                <IsTruncated>false</IsTruncated>
                <UserDetailList><member><UserName>bob</UserName><Path>/</Path><Arn>arn:aws:iam::%1$s:user/bob</Arn>
                  <UserId>AIDAEXAMPLEBOB</UserId><CreateDate>2024-02-01T00:00:00Z</CreateDate><GroupList/>
                  <AttachedManagedPolicies><member><PolicyName>TooBroad</PolicyName><PolicyArn>arn:aws:iam::%1$s:policy/TooBroad</PolicyArn></member></AttachedManagedPolicies>
                  <UserPolicyList/></member></UserDetailList><GroupDetailList/><RoleDetailList/>
                <Policies><member><PolicyName>TooBroad</PolicyName><PolicyId>ANPAEXAMPLE</PolicyId><Arn>arn:aws:iam::%1$s:policy/TooBroad</Arn>
                  <Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>
                  <PolicyVersionList><member><Document>%2$s</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList>
                </member></Policies>""".formatted(ACCOUNT, everything)))));
        // Security groups over two pages (NextToken), one with a field no reference mentions, one without a VPC.
        server.stubFor(in(query("DescribeSecurityGroups"), "us-east-1").atPriority(SPECIFIC).willReturn(xml(ec2("DescribeSecurityGroups",
                "<securityGroupInfo>" + securityGroup("sg-0ssh", "bastion", tcpFrom("0.0.0.0/0", 22) + "<shinyNewField>x</shinyNewField>")
                        + "</securityGroupInfo><nextToken>token-2</nextToken>"))));
        server.stubFor(in(query("DescribeSecurityGroups"), "us-east-1").withRequestBody(containing("NextToken=token-2")).atPriority(SPECIFIC)
                .willReturn(xml(ec2("DescribeSecurityGroups", "<securityGroupInfo>"
                        + securityGroup("sg-0db", "database", tcpFrom("::/0", 5432))
                        + "<item><ownerId>" + ACCOUNT + "</ownerId><groupId>sg-0internal</groupId><groupName>internal</groupName>"
                        + "<ipPermissions>" + tcpFrom("10.0.0.0/8", 22) + "</ipPermissions></item></securityGroupInfo>"))));
        // CloudTrail refuses in eu-west-1 for want of a permission; RDS there keeps failing with 503.
        server.stubFor(in(target(CLOUDTRAIL + "DescribeTrails"), "eu-west-1").atPriority(SPECIFIC).willReturn(json(400, """
                {"__type": "AccessDeniedException", "Message": "User: arn:aws:sts::123456789012:assumed-role/AttestAudit/attest is not authorized to perform: cloudtrail:DescribeTrails"}""")));
        server.stubFor(in(query("DescribeDBInstances"), "eu-west-1").atPriority(SPECIFIC)
                .willReturn(queryError(503, "ServiceUnavailable", "Service is unavailable")));
        server.stubFor(in(query("DescribeDBInstances"), "us-east-1").atPriority(SPECIFIC).willReturn(xml("""
                <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances>
                <DBInstance><DBInstanceIdentifier>orders</DBInstanceIdentifier><DBInstanceArn>arn:aws:rds:us-east-1:%s:db:orders</DBInstanceArn>
                  <Engine>postgres</Engine><StorageEncrypted>false</StorageEncrypted><BackupRetentionPeriod>1</BackupRetentionPeriod>
                  <PubliclyAccessible>true</PubliclyAccessible><DeletionProtection>false</DeletionProtection></DBInstance>
                </DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>""".formatted(ACCOUNT))));
        server.stubFor(in(target(CLOUDTRAIL + "DescribeTrails"), "us-east-1").atPriority(SPECIFIC).willReturn(json("""
                {"trailList": [{"Name": "main", "TrailARN": "arn:aws:cloudtrail:us-east-1:%s:trail/main", "HomeRegion": "us-east-1",
                  "IsMultiRegionTrail": false, "LogFileValidationEnabled": false, "S3BucketName": "trail-logs", "IsOrganizationTrail": false,
                  "HasInsightSelectors": false, "SomeFutureFlag": {"nested": true}}]}""".formatted(ACCOUNT))));
        // KMS: two pages of keys (NextMarker / Truncated); a customer key without rotation, an AWS managed one.
        server.stubFor(in(target("TrentService.ListKeys"), "us-east-1").atPriority(SPECIFIC).willReturn(json("""
                {"Keys": [{"KeyId": "key-customer", "KeyArn": "arn:aws:kms:us-east-1:%s:key/key-customer"}], "Truncated": true, "NextMarker": "m2"}"""
                .formatted(ACCOUNT))));
        server.stubFor(in(target("TrentService.ListKeys"), "us-east-1").withRequestBody(containing("m2")).atPriority(SPECIFIC)
                .willReturn(json("""
                {"Keys": [{"KeyId": "key-aws", "KeyArn": "arn:aws:kms:us-east-1:%s:key/key-aws"}], "Truncated": false}""".formatted(ACCOUNT))));
        server.stubFor(target("TrentService.DescribeKey").withRequestBody(containing("key-customer")).atPriority(SPECIFIC).willReturn(json("""
                {"KeyMetadata": {"KeyId": "key-customer", "Arn": "arn:aws:kms:us-east-1:%s:key/key-customer", "KeyManager": "CUSTOMER",
                 "KeyState": "Enabled", "KeySpec": "SYMMETRIC_DEFAULT", "Origin": "AWS_KMS", "Enabled": true}}""".formatted(ACCOUNT))));
        server.stubFor(target("TrentService.DescribeKey").withRequestBody(containing("key-aws")).atPriority(SPECIFIC).willReturn(json("""
                {"KeyMetadata": {"KeyId": "key-aws", "KeyManager": "AWS", "KeyState": "Enabled"}}""")));
        server.stubFor(target("TrentService.GetKeyRotationStatus").atPriority(SPECIFIC).willReturn(json("{\"KeyRotationEnabled\": false}")));
        // GuardDuty has no detector and Security Hub is not enabled in eu-west-1.
        server.stubFor(in(get(urlPathEqualTo("/detector")), "eu-west-1").atPriority(SPECIFIC).willReturn(json("{\"detectorIds\": []}")));
        server.stubFor(in(get(urlPathEqualTo("/accounts")), "eu-west-1").atPriority(SPECIFIC).willReturn(json(400,
                "{\"Code\": \"InvalidAccessException\", \"Message\": \"Account 123456789012 is not subscribed to AWS Security Hub\"}")
                .withHeader("x-amzn-ErrorType", "InvalidAccessException:http://internal.amazon.com/coral/com.amazonaws.securityhub/")));

        JsonNode run = run(connection(aws.roleTarget(), ROLE_SECRETS));

        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("error").asText())
                .contains("missing permission cloudtrail:DescribeTrails in eu-west-1")
                .contains("region ap-east-1 skipped")
                .contains("rds:DescribeDBInstances in eu-west-1: AWS answered 503")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // The role was assumed with the external id; the throttled call and the 503s were retried by the SDK.
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("ExternalId=attest-4f1c9a7e")).withRequestBody(containing("RoleArn=" + URLEncoder.encode(FakeAws.ROLE, StandardCharsets.UTF_8))));
        server.verify(moreThanOrExactly(2), postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GetAccountSummary")));
        server.verify(moreThanOrExactly(3), postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
                .withHeader("Authorization", containing("/eu-west-1/")));

        JsonNode account = resources("aws.iam.account").get(0).get("data");
        assertThat(account.get("rootMfaEnabled").asBoolean()).isFalse();
        assertThat(account.get("rootAccessKeysPresent").asBoolean()).isTrue();
        assertThat(account.get("regions").toString()).contains("eu-west-1");
        Map<String, JsonNode> users = new java.util.HashMap<>();
        resources("aws.iam.user").forEach(u -> users.put(u.get("data").get("user").asText(), u.get("data")));
        assertThat(users).containsOnlyKeys("<root_account>", "alice", "bob");
        assertThat(users.get("alice").get("admin").asBoolean()).as("AdministratorAccess through the admins group").isTrue();
        assertThat(users.get("alice").get("groups").toString()).contains("admins");
        assertThat(users.get("bob").get("admin").asBoolean()).as("a customer policy allowing * on *").isTrue();
        assertThat(users.get("bob").get("accessKey1LastUsed").asText()).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(resources("aws.ec2.securitygroup")).hasSize(3);
        assertThat(resources("aws.kms.key")).as("AWS managed keys are not the account's to rotate").hasSize(1);
        assertThat(resources("aws.account.region")).as("the disabled region is skipped").hasSize(2);

        // What a user sees: findings of the built-in checks on what was read.
        assertThat(openFindings("aws-account-root-mfa")).hasSize(1);
        assertThat(openFindings("aws-account-root-no-access-keys")).hasSize(1);
        assertThat(openFindings("aws-admin-users-mfa")).extracting(f -> f.get("resourceId").asText())
                .containsExactlyInAnyOrder("arn:aws:iam::" + ACCOUNT + ":user/alice", "arn:aws:iam::" + ACCOUNT + ":user/bob");
        assertThat(openFindings("aws-iam-policy-no-full-admin")).extracting(f -> f.get("resourceId").asText())
                .containsExactly("arn:aws:iam::" + ACCOUNT + ":policy/TooBroad");
        assertThat(openFindings("aws-access-keys-unused-45-days")).extracting(f -> f.get("resourceId").asText())
                .containsExactly("arn:aws:iam::" + ACCOUNT + ":user/bob");
        assertThat(openFindings("aws-sg-ssh-not-open")).extracting(f -> f.get("resourceId").asText())
                .containsExactly("arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/sg-0ssh");
        assertThat(openFindings("aws-sg-databases-not-open")).extracting(f -> f.get("resourceId").asText())
                .containsExactly("arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/sg-0db");
        assertThat(openFindings("aws-cloudtrail-multi-region-validated")).hasSize(1);
        assertThat(openFindings("aws-cloudtrail-log-validation")).hasSize(1);
        assertThat(openFindings("aws-kms-key-rotation")).hasSize(1);
        assertThat(openFindings("aws-rds-not-public")).hasSize(1);
        assertThat(openFindings("aws-rds-encrypted")).hasSize(1);
        assertThat(openFindings("aws-guardduty-enabled")).extracting(f -> f.get("resourceId").asText()).containsExactly(ACCOUNT + "/eu-west-1");
        assertThat(openFindings("aws-security-hub-enabled")).extracting(f -> f.get("resourceId").asText()).containsExactly(ACCOUNT + "/eu-west-1");
        assertThat(openFindings("aws-ebs-default-encryption")).isEmpty();
        assertThat(openFindings("aws-password-policy-length")).isEmpty();
    }
    @Test
    void theConnectionTestSaysInOneSentenceWhenTheExternalIdIsWrongOrTheTokenExpiredAndNamesMissingPermissions() {
        aws.quietAccount(List.of("us-east-1"));
        var server = aws.server;
        server.stubFor(query("AssumeRole").withRequestBody(containing("ExternalId=wrong")).atPriority(SPECIFIC).willReturn(queryError(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/attest is not authorized to perform: sts:AssumeRole on resource: " + FakeAws.ROLE)));
        server.stubFor(query("GetCallerIdentity").withRequestBody(containing("Action=GetCallerIdentity"))
                .withHeader("X-Amz-Security-Token", equalTo("expired-token")).atPriority(SPECIFIC)
                .willReturn(queryError(400, "ExpiredToken", "The security token included in the request is expired")));
        server.stubFor(get(urlPathEqualTo("/detector")).atPriority(SPECIFIC).willReturn(json(403,
                "{\"message\": \"User is not authorized to perform: guardduty:ListDetectors\"}").withHeader("x-amzn-ErrorType", "AccessDeniedException")));

        var wrongId = api().postJson("/api/v1/connections/" + connection(aws.roleTarget(), ROLE_SECRETS.replace("attest-4f1c9a7e", "wrong")) + "/test", "");
        var expired = api().postJson("/api/v1/connections/" + connection(aws.accountTarget(), """
                {"accessKeyId": "ASIAIOSFODNN7EXAMPLE", "secretAccessKey": "x", "sessionToken": "expired-token"}""") + "/test", "");
        var missing = api().postJson("/api/v1/connections/" + connection(aws.roleTarget(), ROLE_SECRETS) + "/test", "");

        assertThat(wrongId.status()).isEqualTo(200);
        assertThat(wrongId.json().get("ok").asBoolean()).isFalse();
        assertThat(wrongId.json().get("message").asText()).isEqualTo("AWS refused to let Attest assume " + FakeAws.ROLE
                + ": the external id is wrong, or the role's trust policy does not name Attest's principal.");
        assertThat(expired.json().get("ok").asBoolean()).isFalse();
        assertThat(expired.json().get("message").asText()).isEqualTo("AWS says the session token has expired: save fresh credentials on the connection.");
        assertThat(missing.json().get("ok").asBoolean()).as(missing.body()).isFalse();
        assertThat(missing.json().get("missingPermissions").toString()).contains("missing permission guardduty:ListDetectors")
                .doesNotContain("us-east-1");
        assertThat(api().get("/api/v1/connection-kinds/aws/setup").body()).contains("sts:ExternalId").contains("cloudtrail:DescribeTrails")
                .doesNotContain("\"*:*\"");
    }

    @Test
    void iamUsersBecomeAccessReviewAccountsWithAdminAsPrivileged() {
        aws.quietAccount(List.of("us-east-1"));
        aws.server.stubFor(query("GetCredentialReport").atPriority(SPECIFIC).willReturn(xml(iam("GetCredentialReport",
                "<Content>" + FakeAws.credentialReport(FakeAws.rootRow(true), FakeAws.userRow("carol", true, true, null, null),
                        FakeAws.userRow("deploy", false, false, "2026-11-01T00:00:00+00:00", "2026-12-01T00:00:00+00:00")) + "</Content>"))));
        aws.server.stubFor(query("GetAccountAuthorizationDetails").atPriority(SPECIFIC).willReturn(xml(iam("GetAccountAuthorizationDetails", """
                <IsTruncated>false</IsTruncated><UserDetailList>
                <member><UserName>carol</UserName><Arn>arn:aws:iam::%1$s:user/carol</Arn><GroupList><member>ops</member></GroupList>
                  <AttachedManagedPolicies><member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedManagedPolicies></member>
                <member><UserName>deploy</UserName><Arn>arn:aws:iam::%1$s:user/deploy</Arn><GroupList/>
                  <AttachedManagedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies></member>
                </UserDetailList><GroupDetailList/><Policies/>""".formatted(ACCOUNT)))));
        String connection = connection(aws.roleTarget(), ROLE_SECRETS);
        var system = api().postJson("/api/v1/access-reviews/systems", """
                {"name": "AWS %s", "kind": "aws", "ownerEmail": "%s", "connectionId": "%s",
                 "settings": {"emailDomain": "example.test", "serviceUsers": "deploy"}}""".formatted(System.nanoTime(), admin.email(), connection));
        assertThat(system.status()).as(system.body()).isEqualTo(201);

        var accounts = api().postJson("/api/v1/access-reviews/systems/" + system.json().get("id").asText() + "/collection", "");

        assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        accounts.json().forEach(a -> byName.put(a.get("account").get("displayName").asText(), a.get("account")));
        assertThat(byName).containsOnlyKeys("root", "carol", "deploy");
        assertThat(byName.get("carol").get("privileged").asBoolean()).isTrue();
        assertThat(byName.get("carol").get("mfa").asBoolean()).isTrue();
        assertThat(byName.get("carol").get("email").asText()).isEqualTo("carol@example.test");
        assertThat(byName.get("carol").get("roles").toString()).contains("group:ops").contains("policy:AdministratorAccess");
        assertThat(byName.get("deploy").get("privileged").asBoolean()).isFalse();
        assertThat(byName.get("deploy").get("kind").asText()).isEqualTo("SERVICE");
        assertThat(byName.get("deploy").get("lastSignIn").asText()).startsWith("2026-12-01");
        assertThat(byName.get("root").get("privileged").asBoolean()).isTrue();
    }

    @Test
    void aThousandSecurityGroupsOverTenPagesBecomeFindingsForTheOpenOnes() throws Exception {
        aws.quietAccount(List.of("us-east-1"));
        for (int page = 0; page < 10; page++) {
            StringBuilder groups = new StringBuilder();
            for (int i = page * 100; i < page * 100 + 100; i++) {
                groups.append(securityGroup("sg-%04d".formatted(i), "app-" + i, i % 10 == 0 ? tcpFrom("0.0.0.0/0", 22) : tcpFrom("10.0.0.0/8", 22)));
            }
            var request = query("DescribeSecurityGroups").atPriority(SPECIFIC);
            if (page > 0) {
                request = request.withRequestBody(containing("NextToken=page-" + page));
            }
            aws.server.stubFor(request.willReturn(xml(ec2("DescribeSecurityGroups", "<securityGroupInfo>" + groups + "</securityGroupInfo>"
                    + (page < 9 ? "<nextToken>page-" + (page + 1) + "</nextToken>" : "")))));
        }

        JsonNode run = run(connection(aws.roleTarget(), ROLE_SECRETS));

        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("resourcesSeen").asInt()).isGreaterThanOrEqualTo(1000);
        List<JsonNode> findings = openFindings("aws-sg-ssh-not-open");
        assertThat(findings).hasSize(100);
        assertThat(findings).extracting(f -> f.get("resourceId").asText()).contains("arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/sg-0990")
                .doesNotContain("arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/sg-0991");
        assertThat(openFindings("aws-sg-rdp-not-open")).isEmpty();
    }

    @Test
    void aTargetThatIsNeitherAnAccountNorARoleIsRefusedNamingTheField() {
        var response = api().postJson("/api/v1/connections", """
                {"name": "bad aws", "kind": "aws", "target": "my-account", "secrets": {}}""");
        var badEndpoint = api().postJson("/api/v1/connections", """
                {"name": "bad aws", "kind": "aws", "target": "123456789012@ftp://example.com", "secrets": {}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("target").contains("12-digit account id");
        assertThat(badEndpoint.status()).isEqualTo(400);
        assertThat(badEndpoint.body()).contains("target");
    }

    @Test
    void anEndpointOverPlainHttpToAHostOtherThanLoopbackIsRefusedNamingTheTarget() {
        var response = api().postJson("/api/v1/connections", """
                {"name": "plain aws", "kind": "aws", "target": "123456789012@http://10.0.0.5:9000", "secrets": {}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("target").contains("use https");
    }
}
