package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Decide;
import dev.attest.accessreviews.SaveSystem;
import dev.attest.accessreviews.CreateCampaign;
import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignStarted;
import dev.attest.accessreviews.CampaignStateException;
import dev.attest.accessreviews.CampaignStatus;
import dev.attest.accessreviews.RemediationTaskClosed;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.ReviewSystem;
import dev.attest.accessreviews.TaskStatus;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a campaign starts on a snapshot, a
 * reviewer revokes an account, the system's next collection shows it gone, the task closes itself as
 * verified and the campaign completes as evidence; after that, decisions are refused.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class AccessReviewScenarioTest {

    @Autowired
    Systems systems;
    @Autowired
    AccountCollection collection;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Decisions decisions;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Account account(String id) {
        return new Account("Scenario " + run, id, id, null, List.of("reader"), false, null, null, null, true, AccountKind.SERVICE);
    }

    @Test
    void aRevocationIsVerifiedByTheNextCollectionAndCompletesTheCampaign(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        CurrentUser admin = new CurrentUser(UUID.randomUUID(), AttestTest.ADMIN_EMAIL, "Admin", ws, "Default", Role.ADMIN,
                Role.ADMIN.permissions(), null);
        ReviewSystem system = systems.create(ws, new SaveSystem("Scenario " + run, "csv", AttestTest.ADMIN_EMAIL, null, null, null, null),
                "test");
        collection.keep(ws, systems.row(ws, system.id()), List.of(account("svc-a"), account("svc-b")), "test");
        Campaign draft = campaigns.create(ws, new CreateCampaign("Scenario " + run, LocalDate.now(ZoneOffset.UTC).plusDays(7), null, null, null,
                List.of(new CreateCampaign.Scope(system.id(), null))), "test");

        scenario.stimulate(() -> campaigns.start(ws, draft.id(), "test"))
                .andWaitForEventOfType(CampaignStarted.class)
                .matching(e -> e.campaignId().equals(draft.id()))
                .toArriveAndVerify(e -> assertThat(e.accounts()).isEqualTo(2));

        List<ReviewItem> items = campaigns.items(ws, draft.id());
        ReviewItem a = items.stream().filter(i -> i.account().accountId().equals("svc-a")).findFirst().orElseThrow();
        ReviewItem b = items.stream().filter(i -> i.account().accountId().equals("svc-b")).findFirst().orElseThrow();
        decisions.decide(ws, draft.id(), a.id(), new Decide("keep", null, "runs the nightly backup"), admin);
        decisions.decide(ws, draft.id(), b.id(), new Decide("revoke", null, "no longer used"), admin);
        assertThat(campaigns.get(ws, draft.id()).status()).isEqualTo(CampaignStatus.REMEDIATION);

        scenario.stimulate(() -> collection.keep(ws, systems.row(ws, system.id()), List.of(account("svc-a")), "test"))
                .andWaitForEventOfType(RemediationTaskClosed.class)
                .matching(e -> e.campaignId().equals(draft.id()))
                .toArriveAndVerify(e -> assertThat(e.status()).isEqualTo(TaskStatus.VERIFIED));

        Campaign completed = campaigns.get(ws, draft.id());
        assertThat(completed.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(completed.reportEvidence()).isNotNull();
        assertThatThrownBy(() -> decisions.decide(ws, draft.id(), a.id(), new Decide("revoke", null, "late"), admin))
                .isInstanceOf(CampaignStateException.class);
    }

    @Test
    void collectionsOfOneSystemAtTheSameTimeAreKeptOneAfterTheOther() throws Exception {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        ReviewSystem system = systems.create(ws, new SaveSystem("Busy " + run, "csv", AttestTest.ADMIN_EMAIL, null, null, null, null), "test");
        List<List<Account>> collections = IntStream.rangeClosed(1, 6)
                .mapToObj(n -> IntStream.rangeClosed(1, 20 + n).mapToObj(i -> account("svc-" + i)).toList()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(collections.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> kept = new ArrayList<>();
            for (List<Account> accounts : collections) {
                kept.add(pool.submit(() -> {
                    start.await();
                    collection.keep(ws, systems.row(ws, system.id()), accounts, "test");
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> k : kept) {
                k.get(60, TimeUnit.SECONDS); // a collection that failed (a duplicate account row) throws here
            }
        } finally {
            pool.shutdownNow();
        }
        // The system holds exactly one of the collections, not a mix.
        int stored = jdbc.sql("select count(*) from access_account where system_id = ?").param(system.id()).query(Integer.class).single();
        assertThat(collections.stream().map(List::size)).contains(stored);
    }

    @Test
    void aCampaignThatCannotStartCanBeCancelledAndThenNeverStarts(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        ReviewSystem system = systems.create(ws, new SaveSystem("Empty " + run, "csv", AttestTest.ADMIN_EMAIL, null, null, null, null), "test");
        collection.keep(ws, systems.row(ws, system.id()), List.of(), "test");
        Campaign draft = campaigns.create(ws, new CreateCampaign("Empty " + run, LocalDate.now(ZoneOffset.UTC).plusDays(7), "none", "owner", 30,
                List.of(new CreateCampaign.Scope(system.id(), null))), "test");
        // An upload with no accounts fails the start (nothing to review), naming the system.
        assertThatThrownBy(() -> campaigns.start(ws, draft.id(), "test")).hasMessageContaining("Empty " + run);
        scenario.stimulate(() -> campaigns.cancel(ws, draft.id(), "test"))
                .andWaitForEventOfType(dev.attest.accessreviews.CampaignCancelled.class)
                .matching(e -> e.campaignId().equals(draft.id()))
                .toArrive();
        assertThatThrownBy(() -> campaigns.start(ws, draft.id(), "test")).isInstanceOf(CampaignStateException.class)
                .hasMessageContaining("cancelled");
    }
}
