package dev.attest.monitoring.collectors;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.ObjectStoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.attest.monitoring.collectors.FakeAws.ACCOUNT;
import static dev.attest.monitoring.collectors.FakeAws.SPECIFIC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS collector's S3 part against an S3-compatible server started in the test (s3proxy, in memory):
 * the stand-in answers STS, IAM and the regional services, and hands every S3 request, signature and all,
 * to s3proxy, so that the SDK reads real buckets from a real S3 implementation.
 */
@AttestTest
class AwsS3ObjectStoreTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    FakeAws aws;
    ObjectStoreServer store;
    ExtraAccounts.Account admin;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws();
        store = ObjectStoreServer.start("attest-audit-logs");
        admin = ExtraAccounts.inNewWorkspace(jdbc);
        aws.quietAccount(List.of("us-east-1"));
        // S3 requests (path style: / and /<bucket>?<subresource>) go on to s3proxy
        aws.server.stubFor(get(urlPathEqualTo("/")).atPriority(SPECIFIC).willReturn(aResponse().proxiedFrom(store.endpoint())));
        aws.server.stubFor(get(urlPathMatching("/attest-[a-z-]+/?")).atPriority(SPECIFIC).willReturn(aResponse().proxiedFrom(store.endpoint())));
    }

    @AfterEach
    void stop() throws Exception {
        aws.close();
        store.close();
    }

    private Http api() {
        return Http.withToken(port, admin.token());
    }

    /** Runs a connection to the account and answers the finished run. */
    private JsonNode run() throws InterruptedException {
        var created = api().postJson("/api/v1/connections", """
                {"name": "aws on s3proxy", "kind": "aws", "target": "%s@%s",
                 "secrets": {"accessKeyId": "%s", "secretAccessKey": "%s"}}""".formatted(ACCOUNT, aws.endpoint(),
                ObjectStoreServer.ACCESS_KEY, ObjectStoreServer.SECRET_KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        var started = api().postJson("/api/v1/connections/" + id + "/runs", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = started.json();
        for (int i = 0; i < 600 && "running".equals(run.get("status").asText()); i++) {
            Thread.sleep(100);
            run = api().get("/api/v1/runs/" + run.get("id").asText()).json();
        }
        return run;
    }

    private Map<String, JsonNode> buckets() {
        Map<String, JsonNode> byName = new HashMap<>();
        api().get("/api/v1/resources?type=aws.s3.bucket&limit=100").json()
                .forEach(r -> byName.put(r.get("data").get("name").asText(), r.get("data")));
        return byName;
    }

    private List<String> openFindings(String check) {
        List<String> resources = new ArrayList<>();
        api().get("/api/v1/findings?status=open&limit=100&check=" + check).json().forEach(f -> resources.add(f.get("resourceId").asText()));
        return resources;
    }

    @Test
    void bucketsListedByS3ProxyAreReadWithTheSettingsItServesAndWhatItCannotServeIsNamed() throws Exception {
        Instant created;
        try (var s3 = store.client()) {
            s3.createBucket(b -> b.bucket("attest-evidence"));
            created = s3.listBuckets().buckets().stream().filter(b -> b.name().equals("attest-evidence")).findFirst().orElseThrow().creationDate();
        }

        JsonNode run = run();
        Map<String, JsonNode> buckets = buckets();

        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(buckets).containsOnlyKeys("attest-audit-logs", "attest-evidence");
        JsonNode evidence = buckets.get("attest-evidence");
        // served by s3proxy: the listing with creation dates, the location, default encryption (none) and versioning (never set)
        assertThat(evidence.get("createdAt").asText()).isEqualTo(created.toString());
        assertThat(evidence.get("region").asText()).isEqualTo("us-east-1");
        assertThat(evidence.get("encrypted").asBoolean()).isFalse();
        assertThat(evidence.get("versioning").asText()).isEqualTo("Off");
        assertThat(openFindings("aws-s3-bucket-encrypted")).contains("arn:aws:s3:::attest-evidence", "arn:aws:s3:::attest-audit-logs");
        assertThat(openFindings("aws-s3-bucket-versioning")).contains("arn:aws:s3:::attest-evidence", "arn:aws:s3:::attest-audit-logs");
        // not served by s3proxy (501 NotImplemented): the bucket's public access block and access logging; the run names
        // both and leaves the fields out, and the account's block still counts
        assertThat(run.get("error").asText()).contains("s3:GetBucketPublicAccessBlock: AWS answered 501 NotImplemented")
                .contains("s3:GetBucketLogging: AWS answered 501 NotImplemented");
        assertThat(evidence.has("bucketPublicAccessBlocked")).isFalse();
        assertThat(evidence.has("loggingEnabled")).isFalse();
        assertThat(evidence.get("publicAccessBlocked").asBoolean()).as("the account-wide block applies").isTrue();
    }
}
