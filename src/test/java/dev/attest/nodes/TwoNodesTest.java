package dev.attest.nodes;

import dev.attest.AttestApplication;
import dev.attest.evidence.EvidenceStore;
import dev.attest.evidence.Multipart;
import dev.attest.evidence.NewEvidence;
import dev.attest.evidence.internal.EvidenceOrphans;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.ObjectStoreServer;
import dev.attest.support.OscalSamples;
import dev.attest.support.Services;
import dev.attest.web.LeasedLocks;
import dev.attest.web.SchedulingConfiguration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two Attest nodes in this JVM, started at the same moment on one empty PostgreSQL database and one
 * S3-compatible store (s3proxy): what a user does through one node holds on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    static String database;
    static ObjectStoreServer store;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static int portA;
    static int portB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Services.requirePostgres();
        database = "attest_two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
        store = ObjectStoreServer.start("two-nodes");
        // both nodes start at once on the empty database: one creates the workspace, neither fails
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> node("a"));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> node("b"));
        a = first.get(300, TimeUnit.SECONDS);
        b = second.get(300, TimeUnit.SECONDS);
        portA = ((WebServerApplicationContext) a).getWebServer().getPort();
        portB = ((WebServerApplicationContext) b).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext node(String name) {
        Map<String, Object> settings = new HashMap<>(store.settings());
        settings.put("server.port", "0");
        settings.put("spring.datasource.url", POSTGRES + database);
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "");
        settings.put("spring.datasource.hikari.maximum-pool-size", "5");
        settings.put("attest.data-dir", "target/test-data/node-" + name + "-" + UUID.randomUUID());
        settings.put("attest.master-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        settings.put("spring.application.name", "attest-" + name);
        // as command-line arguments, which win over application.yml and the test profile
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(AttestApplication.class).profiles("test").run(args);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (store != null) {
            store.close();
        }
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @Order(1)
    void bothNodesStartedOnTheEmptyDatabaseWithOneWorkspace() {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from workspace where slug = 'default'").query(Long.class).single()).isEqualTo(1);
        assertThat(Http.anonymous(portA).get("/actuator/health").status()).isEqualTo(200);
        assertThat(Http.anonymous(portB).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aSessionFromNodeAWorksOnNodeBAndSigningOutEverywhereEndsItOnBoth() {
        Http browser = Http.signedIn(portA, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);

        Http.Response onB = browser.on(portB).get("/account");

        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).contains(AttestTest.ADMIN_EMAIL);
        Http other = Http.signedIn(portB, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        assertThat(browser.on(portB).postForm("/account", "/account/sessions/end", Map.of(), Map.of()).header("Location"))
                .endsWith("/login?signedOut");
        assertThat(other.on(portA).get("/account").header("Location")).endsWith("/login?ended");
    }

    @Test
    @Order(3)
    void evidenceUploadedThroughAIsDownloadedAndVerifiedThroughB() throws Exception {
        byte[] content = ("penetration test report " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var uploaded = Multipart.post(portA, AttestTest.ADMIN_TOKEN, "/api/v1/evidence", Map.of("title", "Pen test", "controls", "AC-01"),
                "pentest.txt", content);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = Http.withToken(portA, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence?control=AC-01").json().get(0).get("id").asText();

        Http onB = Http.withToken(portB, AttestTest.ADMIN_TOKEN);
        assertThat(onB.getBytes("/api/v1/evidence/" + id + "/content")).isEqualTo(content);
        assertThat(onB.get("/api/v1/evidence/ledger/verify").json().get("valid").asBoolean()).isTrue();
        try (var s3 = store.client()) {
            assertThat(s3.headObject(h -> h.bucket(store.bucket()).key("evidence/" + sha256Unchecked(content))).contentLength())
                    .isEqualTo(content.length);
        }
    }

    private static String sha256Unchecked(byte[] content) {
        try {
            return sha256(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(4)
    void aTrustCenterPublishedOnAIsServedByBWithinASecond() throws Exception {
        Http admin = Http.withToken(portA, AttestTest.ADMIN_TOKEN);
        publish(admin, "Before " + UUID.randomUUID());
        Http visitor = Http.anonymous(portB);
        assertThat(visitor.get("/trust").status()).isEqualTo(200);

        String company = "After " + UUID.randomUUID();
        publish(admin, company);
        long published = System.nanoTime();
        String page = visitor.get("/trust").body();
        while (!page.contains(company) && System.nanoTime() - published < Duration.ofSeconds(3).toNanos()) {
            Thread.sleep(50);
            page = visitor.get("/trust").body();
        }
        long tookMillis = (System.nanoTime() - published) / 1_000_000;

        assertThat(page).contains(company);
        assertThat(tookMillis).as("node B serves the new page %d ms after the publish on A", tookMillis).isLessThan(1000);
    }

    private static void publish(Http admin, String company) {
        Http.Response saved = admin.putJson("/api/v1/trust-center/draft", """
                {"company":"%s","summary":"We protect customer data.","contactEmail":"security@example.com",
                 "securityContact":"security@example.com","languages":["en"],"ndaText":"You keep this confidential."}""".formatted(company));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Http.Response published = admin.postJson("/api/v1/trust-center/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aSignInLockTriggeredThroughAHoldsOnB() {
        var member = ExtraAccounts.inDefaultWorkspace(a.getBean(JdbcClient.class), "viewer");
        for (int i = 0; i < 5; i++) {
            int port = i % 2 == 0 ? portA : portB;
            Http.anonymous(port).postForm("/login", Map.of("username", member.email(), "password", "wrong password " + i));
        }

        Http.Response onB = Http.anonymous(portB).postForm("/login", Map.of("username", member.email(), "password", ExtraAccounts.PASSWORD));

        assertThat(onB.header("Location")).endsWith("/login?locked");
    }

    @Test
    @Order(6)
    void anUploadThatNeverCommitsLeavesNoEvidenceAndItsObjectIsSweptAfterADay() throws Exception {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        byte[] content = ("crashed upload " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        EvidenceStore evidenceOnA = a.getBean(EvidenceStore.class);
        assertThatThrownBy(() -> a.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            evidenceOnA.add(workspace, new NewEvidence("upload", "lost", null, "text/plain", List.of("AC-01"), null, "test"), content);
            throw new IllegalStateException("node killed before commit");
        })).hasMessage("node killed before commit");
        String key = "evidence/" + sha256(content);
        try (var s3 = store.client()) {
            assertThat(s3.headObject(h -> h.bucket(store.bucket()).key(key)).contentLength()).isEqualTo(content.length);
            assertThat(b.getBean(EvidenceStore.class).list(workspace, null, null, 10)).isEmpty();

            assertThat(b.getBean(EvidenceOrphans.class).sweep(Instant.now())).isZero();
            assertThat(b.getBean(EvidenceOrphans.class).sweep(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60))).isEqualTo(1);

            assertThat(s3.listObjectsV2(l -> l.bucket(store.bucket()).prefix(key)).keyCount()).isZero();
        }
        assertThat(Http.withToken(portB, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence/ledger/verify").json().get("valid").asBoolean())
                .as("committed evidence keeps its bytes").isTrue();
    }

    @Test
    @Order(7)
    void aScheduledJobDueOnBothNodesRunsOnceAndANodeThatDiesMidRunHandsItOn() throws Exception {
        LeasedLocks claimsA = SchedulingConfiguration.leased(a.getBean(DataSource.class), Duration.ofSeconds(2), "a");
        LeasedLocks claimsB = SchedulingConfiguration.leased(b.getBean(DataSource.class), Duration.ofSeconds(2), "b");
        String job = "two-nodes-proof-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch bothTicked = new CountDownLatch(2);
        Runnable tick = () -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(3000); // longer than the lease: renewals keep the claim
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        LockConfiguration due = new LockConfiguration(Instant.now(), job, Duration.ofMinutes(10), Duration.ZERO);
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> {
            bothTicked.countDown();
            new DefaultLockingTaskExecutor(claimsA).executeWithLock(tick, due);
        });
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> {
            bothTicked.countDown();
            new DefaultLockingTaskExecutor(claimsB).executeWithLock(tick, due);
        });
        CompletableFuture.allOf(onA, onB).get(30, TimeUnit.SECONDS);
        assertThat(runs).as("the job ran on one node only").hasValue(1);

        // node A claims the next run and dies in the middle of it: it never finishes, never renews
        String next = job + "-next";
        assertThat(claimsA.lock(new LockConfiguration(Instant.now(), next, Duration.ofMinutes(10), Duration.ZERO))).isPresent();
        claimsA.close();
        a.close();
        assertThat(claimsB.lock(new LockConfiguration(Instant.now(), next, Duration.ofMinutes(10), Duration.ZERO)))
                .as("claimed while node A's lease runs").isEmpty();
        long died = System.nanoTime();
        boolean taken = false;
        while (!taken && System.nanoTime() - died < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(200);
            taken = claimsB.lock(new LockConfiguration(Instant.now(), next, Duration.ofMinutes(10), Duration.ZERO))
                    .map(claim -> {
                        claim.unlock();
                        return true;
                    }).orElse(false);
        }
        assertThat(taken).as("node B picks up the job once node A's lease lapses").isTrue();
        claimsB.close();
    }

    @Test
    @Order(8)
    void anObjectStoreOutageMidUploadIsA503AndNothingIsRecorded() throws Exception {
        store.stop();
        String title = "During the outage " + UUID.randomUUID();

        var refused = Multipart.post(portB, AttestTest.ADMIN_TOKEN, "/api/v1/evidence", Map.of("title", title, "controls", "AC-01"),
                "outage.txt", title.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("nothing was recorded").doesNotContain("Exception");
        assertThat(Http.withToken(portB, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence?limit=1000").body()).doesNotContain(title);
    }

    @Test
    @Order(6) // before node A is stopped (7) and the object store (8)
    void aFrameworkImportedThroughAIsServedByBWithinASecondAndItsMappingFollows() throws Exception {
        String id = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
        Http onA = Http.withToken(portA, AttestTest.ADMIN_TOKEN);
        Http onB = Http.withToken(portB, AttestTest.ADMIN_TOKEN);
        assertThat(onB.get("/api/v1/frameworks/" + id).status()).isEqualTo(404);

        Http.Response imported = onA.postFiles("/api/v1/frameworks/import", Map.of("id", id),
                Map.of("varied.json", OscalSamples.catalogJson("Two nodes " + id, OscalSamples.variedGroups("n"))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        assertThat(within(Duration.ofSeconds(1), () -> onB.get("/api/v1/frameworks/" + id).status() == 200))
                .as("node B serves the framework node A imported, without a restart").isTrue();
        assertThat(onB.get("/api/v1/frameworks/" + id + "/requirements").json()).hasSize(10);

        Http.Response mapped = onB.putJson("/api/v1/frameworks/" + id + "/requirements/n-1/mapping", "{\"controls\":[\"AC-01\"]}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(within(Duration.ofSeconds(1), () -> onA.get("/api/v1/frameworks/" + id + "/requirements/n-1").body().contains("AC-01")))
                .as("node A shows the mapping made on node B").isTrue();
    }

    private static boolean within(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
