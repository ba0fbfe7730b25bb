package dev.attest.monitoring.collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in for AWS on loopback: WireMock answering the AWS SDK as the services' API references
 * describe (Query/XML for STS, IAM, EC2 and RDS; JSON 1.1 for KMS, CloudTrail and Config; REST for S3,
 * S3 Control, GuardDuty and Security Hub). {@link #quietAccount} answers every call for an account with
 * nothing wrong in it, at a low priority, so that a test states only what differs.
 */
final class FakeAws implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/AttestAudit";
    static final int DEFAULT = 10;
    static final int SPECIFIC = 1;

    // the Host header is kept when a request is proxied (to s3proxy), so that its SigV4 signature still holds there
    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").preserveHostHeader(true));

    FakeAws() {
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A target for this account through the stand-in, by role or by account id. */
    String roleTarget() {
        return ROLE + "@" + endpoint();
    }

    String accountTarget() {
        return ACCOUNT + "@" + endpoint();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- request matchers

    /** A Query protocol call (STS, IAM, EC2, RDS): a form POST naming the action. */
    static MappingBuilder query(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(matching("(.*&)?Action=" + action + "(&.*)?"));
    }

    /** A JSON 1.1 call (KMS, CloudTrail, Config): a POST naming the operation in X-Amz-Target. */
    static MappingBuilder target(String target) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** Only requests signed for this region (SigV4's credential scope names it). */
    static MappingBuilder in(MappingBuilder builder, String region) {
        return builder.withHeader("Authorization", containing("/" + region + "/"));
    }

    static ResponseDefinitionBuilder xml(String body) {
        return xml(200, body);
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static ResponseDefinitionBuilder json(String body) {
        return json(200, body);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** An error as the Query protocol of IAM, STS and RDS writes it. */
    static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return xml(status, """
                <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                </ErrorResponse>""".formatted(code, message));
    }

    /** An error as EC2 writes it. */
    static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return xml(status, """
                <Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>
                <RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>""".formatted(code, message));
    }

    static String ec2(String action, String inner) {
        return "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>"
                + inner + "</" + action + "Response>";
    }

    static String iam(String action, String inner) {
        return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action + "Result>" + inner + "</" + action
                + "Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></" + action + "Response>";
    }

    static String securityGroup(String id, String name, String ingress) {
        return """
                <item><ownerId>%s</ownerId><groupId>%s</groupId><groupName>%s</groupName><groupDescription>test</groupDescription>
                  <vpcId>vpc-1a2b3c4d</vpcId><ipPermissions>%s</ipPermissions>
                  <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>
                </item>""".formatted(ACCOUNT, id, name, ingress);
    }

    static String tcpFrom(String cidr, int port) {
        String range = cidr.contains(":") ? "<ipv6Ranges><item><cidrIpv6>" + cidr + "</cidrIpv6></item></ipv6Ranges>"
                : "<ipRanges><item><cidrIp>" + cidr + "</cidrIp></item></ipRanges>";
        return "<item><ipProtocol>tcp</ipProtocol><fromPort>" + port + "</fromPort><toPort>" + port + "</toPort><groups/>" + range + "</item>";
    }

    static String credentialReport(String... rows) {
        String header = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
                + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
        String csv = header + "\n" + String.join("\n", rows) + "\n";
        return Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8));
    }

    static String rootRow(boolean mfa) {
        return "<root_account>,arn:aws:iam::" + ACCOUNT + ":root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,"
                + "not_supported,not_supported," + mfa + ",false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    }

    static String userRow(String name, boolean password, boolean mfa, String key1Rotated, String key1Used) {
        boolean key = key1Rotated != null;
        return name + ",arn:aws:iam::" + ACCOUNT + ":user/" + name + ",2024-01-01T00:00:00+00:00," + password + ","
                + (password ? "2026-11-30T00:00:00+00:00" : "N/A") + ",N/A,N/A," + mfa + "," + key + ","
                + (key ? key1Rotated : "N/A") + "," + (key1Used != null ? key1Used : "N/A") + ",us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    }

    // ---- an account with nothing wrong

    /** Answers every call the collector makes, for an account whose settings pass every check. */
    void quietAccount(List<String> regions) {
        server.stubFor(query("AssumeRole").atPriority(DEFAULT).willReturn(xml("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                  <Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                    <SessionToken>IQoJb3JpZ2luX2VjEXAMPLE</SessionToken><Expiration>%s</Expiration></Credentials>
                  <AssumedRoleUser><Arn>arn:aws:sts::%s:assumed-role/AttestAudit/attest</Arn><AssumedRoleId>AROA3XFRBF535PLBIFPI4:attest</AssumedRoleId></AssumedRoleUser>
                </AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>"""
                .formatted(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), ACCOUNT))));
        server.stubFor(query("GetCallerIdentity").atPriority(DEFAULT).willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
                  <Arn>arn:aws:sts::%1$s:assumed-role/AttestAudit/attest</Arn><UserId>AROA3XFRBF535PLBIFPI4:attest</UserId><Account>%1$s</Account>
                </GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>"""
                .formatted(ACCOUNT))));
        server.stubFor(query("GetAccountSummary").atPriority(DEFAULT).willReturn(xml(iam("GetAccountSummary", """
                <SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry>
                <entry><key>Users</key><value>0</value></entry><entry><key>MFADevicesInUse</key><value>1</value></entry></SummaryMap>"""))));
        server.stubFor(query("GetAccountPasswordPolicy").atPriority(DEFAULT).willReturn(xml(iam("GetAccountPasswordPolicy", """
                <PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireUppercaseCharacters>true</RequireUppercaseCharacters>
                <RequireSymbols>true</RequireSymbols><ExpirePasswords>false</ExpirePasswords><PasswordReusePrevention>24</PasswordReusePrevention>
                <RequireLowercaseCharacters>true</RequireLowercaseCharacters><MinimumPasswordLength>14</MinimumPasswordLength>
                <RequireNumbers>true</RequireNumbers></PasswordPolicy>"""))));
        server.stubFor(query("GenerateCredentialReport").atPriority(DEFAULT)
                .willReturn(xml(iam("GenerateCredentialReport", "<State>COMPLETE</State>"))));
        server.stubFor(query("GetCredentialReport").atPriority(DEFAULT).willReturn(xml(iam("GetCredentialReport",
                "<Content>" + credentialReport(rootRow(true)) + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-12-06T10:00:00Z</GeneratedTime>"))));
        server.stubFor(query("GetAccountAuthorizationDetails").atPriority(DEFAULT).willReturn(xml(iam("GetAccountAuthorizationDetails",
                "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"))));
        server.stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock")).atPriority(DEFAULT).willReturn(xml("""
                <PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls>
                <IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>
                </PublicAccessBlockConfiguration>""")));
        server.stubFor(get(urlPathEqualTo("/")).atPriority(DEFAULT).willReturn(xml("""
                <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>bcaf1ffd86f41161ca5fb16fd081034f</ID></Owner>
                <Buckets/></ListAllMyBucketsResult>""")));
        StringBuilder regionItems = new StringBuilder();
        for (String region : regions) {
            regionItems.append("<item><regionName>").append(region).append("</regionName><regionEndpoint>ec2.").append(region)
                    .append(".amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>");
        }
        server.stubFor(query("DescribeRegions").atPriority(DEFAULT).willReturn(xml(ec2("DescribeRegions", "<regionInfo>" + regionItems + "</regionInfo>"))));
        server.stubFor(query("DescribeSecurityGroups").atPriority(DEFAULT).willReturn(xml(ec2("DescribeSecurityGroups", "<securityGroupInfo/>"))));
        server.stubFor(query("GetEbsEncryptionByDefault").atPriority(DEFAULT)
                .willReturn(xml(ec2("GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>"))));
        server.stubFor(query("DescribeDBInstances").atPriority(DEFAULT).willReturn(xml("""
                <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances/>
                </DescribeDBInstancesResult><ResponseMetadata><RequestId>9135fff3-8509-11e0-bd9b-a7b1ece36d51</RequestId></ResponseMetadata></DescribeDBInstancesResponse>""")));
        server.stubFor(target("TrentService.ListKeys").atPriority(DEFAULT).willReturn(json("{\"Keys\": [], \"Truncated\": false}")));
        server.stubFor(target("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails").atPriority(DEFAULT)
                .willReturn(json("{\"trailList\": []}")));
        server.stubFor(target("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.GetTrailStatus").atPriority(DEFAULT)
                .willReturn(json("{\"IsLogging\": true}")));
        server.stubFor(get(urlPathEqualTo("/detector")).atPriority(DEFAULT).willReturn(json("{\"detectorIds\": [\"12abc34d567e8fa901bc2d34eexample\"]}")));
        server.stubFor(get(urlPathEqualTo("/detector/12abc34d567e8fa901bc2d34eexample")).atPriority(DEFAULT)
                .willReturn(json("{\"status\": \"ENABLED\", \"findingPublishingFrequency\": \"SIX_HOURS\", \"serviceRole\": \"x\"}")));
        server.stubFor(get(urlPathEqualTo("/accounts")).atPriority(DEFAULT).willReturn(json("""
                {"HubArn": "arn:aws:securityhub:us-east-1:%s:hub/default", "SubscribedAt": "2024-01-01T00:00:00.000Z", "AutoEnableControls": true}"""
                .formatted(ACCOUNT))));
        server.stubFor(target("StarlingDoveService.DescribeConfigurationRecorderStatus").atPriority(DEFAULT).willReturn(json("""
                {"ConfigurationRecordersStatus": [{"name": "default", "recording": true, "lastStatus": "SUCCESS"}]}""")));
    }
}
