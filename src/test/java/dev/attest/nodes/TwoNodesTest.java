package dev.attest.nodes;

import dev.attest.AttestApplication;
import dev.attest.evidence.EvidenceLocker;
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
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.attest.web.CronJobs;
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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.net.InetSocketAddress;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
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
        // short leases, so that the tests see a dead node's work taken over in seconds
        settings.put("attest.monitoring.run-lease", "PT2S");
        settings.put("attest.monitoring.run-poll", "PT0.2S");
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
        EvidenceLocker evidenceOnA = a.getBean(EvidenceLocker.class);
        assertThatThrownBy(() -> a.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            evidenceOnA.add(workspace, new NewEvidence("upload", "lost", null, "text/plain", List.of("AC-01"), null, "test"), content);
            throw new IllegalStateException("node killed before commit");
        })).hasMessage("node killed before commit");
        String key = "evidence/" + sha256(content);
        try (var s3 = store.client()) {
            assertThat(s3.headObject(h -> h.bucket(store.bucket()).key(key)).contentLength()).isEqualTo(content.length);
            assertThat(b.getBean(EvidenceLocker.class).list(workspace, null, null, 10)).isEmpty();

            assertThat(b.getBean(EvidenceOrphans.class).sweep(Instant.now())).isZero();
            assertThat(b.getBean(EvidenceOrphans.class).sweep(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60))).isEqualTo(1);

            assertThat(s3.listObjectsV2(l -> l.bucket(store.bucket()).prefix(key)).keyCount()).isZero();
        }
        assertThat(Http.withToken(portB, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence/ledger/verify").json().get("valid").asBoolean())
                .as("committed evidence keeps its bytes").isTrue();
    }

    private static DataSource standalone() {
        return new DriverManagerDataSource(POSTGRES + database, "postgres", "");
    }

    /** A local web server for "web" connections; its first request hangs until released (a collector mid-run). */
    record SlowSite(HttpServer server, CountDownLatch release, AtomicInteger requests) implements AutoCloseable {

        static SlowSite start(boolean firstHangs) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CountDownLatch release = new CountDownLatch(firstHangs ? 1 : 0);
            AtomicInteger requests = new AtomicInteger();
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                if (requests.incrementAndGet() == 1) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return new SlowSite(server, release, requests);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
        }
    }

    private static String webConnection(int port, String url) {
        Http.Response created = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/connections", """
                {"name": "site %s", "kind": "web", "target": "%s", "intervalMinutes": 10080}""".formatted(UUID.randomUUID(), url));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static tools.jackson.databind.JsonNode awaitEnd(int port, String runId, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        var run = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/runs/" + runId).json();
        while ("running".equals(run.get("status").asText()) && System.nanoTime() < until) {
            Thread.sleep(100);
            run = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/runs/" + runId).json();
        }
        return run;
    }

    @Test
    @Order(7)
    void aRunRequestedOnNodeAIsDoneOnceAndItsStatusIsSeenThroughNodeB() throws Exception {
        try (SlowSite site = SlowSite.start(false)) {
            String connection = webConnection(portA, site.url());

            Http.Response requested = Http.withToken(portA, AttestTest.ADMIN_TOKEN).postJson("/api/v1/connections/" + connection + "/runs", "");
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            var run = awaitEnd(portB, requested.json().get("id").asText(), Duration.ofSeconds(20));

            assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
            assertThat(run.get("resourcesSeen").asInt()).isEqualTo(1);
            assertThat(Http.withToken(portB, AttestTest.ADMIN_TOKEN).get("/api/v1/connections/" + connection + "/runs").json().size())
                    .as("one run, done once").isEqualTo(1);
            assertThat(b.getBean(JdbcClient.class).sql("select attempts from monitoring_run where id = ?")
                    .param(UUID.fromString(run.get("id").asText())).query(Integer.class).single()).isEqualTo(1);
            assertThat(site.requests()).hasValue(1);
        }
    }

    @Test
    @Order(8)
    void aDailyJobWhoseNodeDiedMidRunIsCaughtUpByAnotherNodeWithinALeaseAndRunsOncePerDueTime() throws Exception {
        // a job due every day at midnight UTC: its latest due time does not move during the test
        String job = "daily-proof-" + UUID.randomUUID().toString().substring(0, 8);
        CronJobs cronA = new CronJobs(standalone());
        CronJobs cronB = new CronJobs(standalone());
        LeasedLocks claimsA = SchedulingConfiguration.leased(standalone(), Duration.ofSeconds(2), "a", cronA);
        LeasedLocks claimsB = SchedulingConfiguration.leased(standalone(), Duration.ofSeconds(2), "b", cronB);
        LockConfiguration lock = new LockConfiguration(Instant.now(), job, Duration.ofMinutes(10), Duration.ZERO);
        CronExpression daily = CronExpression.parse("0 0 0 * * *");
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch startedOnA = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        cronA.register(new CronJobs.Job(job, daily, ZoneOffset.UTC, () -> new DefaultLockingTaskExecutor(claimsA).executeWithLock((Runnable) () -> {
            startedOnA.countDown();
            try {
                never.await(); // node A dies in the middle: the run never ends, the claim is never renewed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, lock)));
        cronB.register(new CronJobs.Job(job, daily, ZoneOffset.UTC,
                () -> new DefaultLockingTaskExecutor(claimsB).executeWithLock((Runnable) finished::incrementAndGet, lock)));
        // registering treats today's midnight as done; make it the day before, as if today's tick was about to come
        JdbcClient db = JdbcClient.create(standalone());
        db.sql("update scheduled_job_run set last_due = last_due - interval '1 day' where name = ?").param(job).update();

        Thread tickOnA = new Thread(() -> cronA.catchUp(Instant.now()));
        tickOnA.setDaemon(true);
        tickOnA.start();
        assertThat(startedOnA.await(10, TimeUnit.SECONDS)).isTrue();
        claimsA.close();
        assertThat(cronB.catchUp(Instant.now())).as("B tries").isEqualTo(1);
        assertThat(finished).as("not while A's lease runs").hasValue(0);

        long died = System.nanoTime();
        while (finished.get() == 0 && System.nanoTime() - died < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(250);
            cronB.catchUp(Instant.now());
        }
        long tookMillis = (System.nanoTime() - died) / 1_000_000;

        assertThat(finished).as("node B ran the missed due time").hasValue(1);
        assertThat(tookMillis).as("taken over %d ms after A stopped renewing", tookMillis).isLessThan(5000);
        assertThat(cronB.catchUp(Instant.now())).as("nothing left to catch up").isZero();
        new DefaultLockingTaskExecutor(claimsB).executeWithLock((Runnable) finished::incrementAndGet, lock);
        assertThat(finished).as("a late tick for the same due time does not run it again").hasValue(1);
        claimsB.close();
    }

    @Test
    @Order(9)
    void aCollectorRunWhoseNodeDiedIsClaimedAgainAfterItsLeaseAndCompletedOnce() throws Exception {
        try (SlowSite site = SlowSite.start(true)) {
            String connection = webConnection(portA, site.url());
            Http.Response requested = Http.withToken(portA, AttestTest.ADMIN_TOKEN).postJson("/api/v1/connections/" + connection + "/runs", "");
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            UUID run = UUID.fromString(requested.json().get("id").asText());
            JdbcClient db = b.getBean(JdbcClient.class);
            long waited = System.nanoTime();
            while (site.requests().get() == 0 && System.nanoTime() - waited < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(50);
            }
            assertThat(site.requests()).as("node A is collecting").hasValue(1);
            assertThat(db.sql("select claimed_by from monitoring_run where id = ?").param(run).query(String.class).single()).startsWith("attest-a@");

            // node A dies mid-run: it loses the database (it can neither renew nor hand the run back), then stops
            a.getBean(DataSource.class).unwrap(HikariDataSource.class).close();
            a.close();
            long died = System.nanoTime();
            var ended = awaitEnd(portB, run.toString(), Duration.ofSeconds(20));
            long tookMillis = (System.nanoTime() - died) / 1_000_000;

            assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("succeeded");
            assertThat(tookMillis).as("completed by B %d ms after A died", tookMillis).isLessThan(10_000);
            assertThat(db.sql("select claimed_by from monitoring_run where id = ?").param(run).query(String.class).single()).startsWith("attest-b@");
            assertThat(db.sql("select attempts from monitoring_run where id = ?").param(run).query(Integer.class).single()).isEqualTo(2);
            assertThat(Http.withToken(portB, AttestTest.ADMIN_TOKEN).get("/api/v1/connections/" + connection + "/runs").json().size())
                    .as("still one run").isEqualTo(1);
            assertThat(site.requests()).as("B collected again").hasValue(2);
        }
    }

    @Test
    @Order(10)
    void aScheduledJobDueOnBothNodesRunsOnceAndANodeThatDiesMidRunHandsItOn() throws Exception {
        // node A's context died in the previous test; its claims come from a connection of their own
        LeasedLocks claimsA = SchedulingConfiguration.leased(standalone(), Duration.ofSeconds(2), "a");
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
    @Order(11)
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
