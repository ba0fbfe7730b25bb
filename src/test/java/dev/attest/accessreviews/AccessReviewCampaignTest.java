package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.support.AttestTest;
import dev.attest.support.BuiltInChecks;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign from the API, end to end: a CSV system matched to the roster, a start that freezes the
 * snapshot into the ledger and emails the reviewer, flags, decisions with their rules, a revocation
 * verified by the next upload, completion as evidence, and a 409 for decisions after that.
 */
class AccessReviewCampaignTest extends MailAndClockTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private String email(String who) {
        return who + "." + run + "@example.test";
    }

    private void person(String who, String endDate) {
        String body = "{\"name\":\"" + who + "\",\"email\":\"" + email(who) + "\",\"employmentType\":\"employee\",\"startDate\":\"2020-01-01\""
                + (endDate == null ? "" : ",\"endDate\":\"" + endDate + "\"") + "}";
        Http.Response created = admin().postJson("/api/v1/people", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private String csvSystem(String owner) {
        Http.Response created = admin().postJson("/api/v1/access-reviews/systems",
                "{\"name\":\"Payroll " + run + "\",\"kind\":\"csv\",\"ownerEmail\":\"" + owner + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Http.Response upload(String system, String csv, boolean preview) {
        return admin().post("/api/v1/access-reviews/systems/" + system + "/accounts.csv" + (preview ? "?preview=true" : ""), "text/csv", csv);
    }

    private Map<String, JsonNode> itemsByAccount(String campaign) {
        Map<String, JsonNode> items = new HashMap<>();
        admin().get("/api/v1/access-reviews/campaigns/" + campaign + "/accounts").json()
                .forEach(i -> items.put(i.get("account").get("accountId").asText(), i));
        return items;
    }

    private static List<String> flags(JsonNode item) {
        List<String> flags = new ArrayList<>();
        item.get("flags").forEach(f -> flags.add(f.asText()));
        return flags;
    }

    @org.springframework.beans.factory.annotation.Autowired
    List<ResourceSource> sources;

    private Resource resource(String type, String id) {
        return sources.stream().filter(source -> source.types().contains(type))
                .flatMap(source -> source.resources(new WorkspaceId(defaultWorkspace())).stream())
                .filter(r -> r.type().equals(type) && r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + id));
    }

    @Test
    void everyBuiltInCheckNamesRealControls() {
        for (Map<String, Object> check : new BuiltInChecks("accessreviews.yaml").all()) {
            @SuppressWarnings("unchecked")
            List<String> controls = (List<String>) check.get("controls");
            controls.forEach(key -> assertThat(catalog.control(key)).as(check.get("key") + " " + key).isPresent());
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.attest.catalog.Catalog catalog;

    @Test
    void aCsvAccountListWithErrorsIsRefusedByRowAndColumnAndNothingIsImported() {
        String system = csvSystem(AttestTest.ADMIN_EMAIL);
        Http.Response refused = upload(system, """
                account_id,email,privileged,last_sign_in
                alice,alice@example.test,yes,2026-01-01
                ,nobody@example.test,no,
                alice,other@example.test,maybe,yesterday
                """, false);
        assertThat(refused.status()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        refused.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactlyInAnyOrder("3:account_id", "4:privileged", "4:last_sign_in");
        assertThat(admin().get("/api/v1/access-reviews/systems/" + system + "/accounts").json()).isEmpty();

        Http.Response duplicate = upload(system, "account_id\nalice\nALICE\n", true);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(duplicate.json().get("errors").get(0).get("message").asText()).contains("row 2");

        Http.Response preview = upload(system, "account_id,email\nalice,alice@example.test\n", true);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("accounts").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/access-reviews/systems/" + system + "/accounts").json()).as("a preview imports nothing").isEmpty();
    }

    @Test
    void aSystemNeedsAKnownKindAndAnOwnerWhoIsAMember() {
        Http.Response refused = admin().postJson("/api/v1/access-reviews/systems",
                "{\"name\":\"\",\"kind\":\"mainframe\",\"ownerEmail\":\"stranger@example.test\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"name\"", "\"field\":\"kind\"", "\"field\":\"ownerEmail\"", "not a member");
        Http.Response postgres = admin().postJson("/api/v1/access-reviews/systems",
                "{\"name\":\"DB " + run + "\",\"kind\":\"postgres\",\"ownerEmail\":\"" + AttestTest.ADMIN_EMAIL + "\"}");
        assertThat(postgres.status()).isEqualTo(400);
        assertThat(postgres.body()).contains("\"field\":\"connectionId\"");
        // an empty body names what is missing (it used to be a server error: no kind to look up)
        Http.Response empty = admin().postJson("/api/v1/access-reviews/systems", "{}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"kind\"");
    }

    @Test
    void aCampaignRunsFromSnapshotToVerifiedRevocationAndCompletion() throws Exception {
        person("alice", null);
        person("bob", "2021-06-30");
        person("carol", null);
        String system = csvSystem(AttestTest.ADMIN_EMAIL);
        String old = LocalDate.now(ZoneOffset.UTC).minusDays(200).toString();
        String recent = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        Http.Response uploaded = upload(system, """
                account_id,display_name,email,roles,privileged,last_sign_in,kind
                alice,Alice,%s,reader;writer,no,%s,user
                bob,Bob,%s,reader,no,%s,user
                root,Root,,admin,yes,%s,user
                backup,Backup job,,reader,no,%s,service
                ghost,Ghost,ghost.%s@elsewhere.test,reader,no,%s,user
                sleepy,Sleepy,%s,reader,no,%s,user
                """.formatted(email("alice"), recent, email("bob"), recent, recent, recent, run, recent, email("carol"), old), false);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);

        JsonNode accounts = admin().get("/api/v1/access-reviews/systems/" + system + "/accounts").json();
        Map<String, Boolean> unmatched = new HashMap<>();
        accounts.forEach(a -> unmatched.put(a.get("account").get("accountId").asText(), a.get("unmatched").asBoolean()));
        assertThat(unmatched).containsEntry("alice", false).containsEntry("ghost", true).containsEntry("root", true);

        Http.Response linked = admin().postJson("/api/v1/access-reviews/systems/" + system + "/links",
                "{\"accountId\":\"root\",\"personEmail\":\"" + email("alice") + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(admin().postJson("/api/v1/access-reviews/systems/" + system + "/links",
                "{\"accountId\":\"root\",\"personEmail\":\"nobody@example.test\"}").status()).isEqualTo(400);

        String due = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();
        Http.Response stranger = admin().postJson("/api/v1/access-reviews/campaigns", """
                {"name":"Q1 %s","dueOn":"%s","systems":[{"systemId":"%s","reviewer":"stranger@example.test"}]}""".formatted(run, due, system));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("systems[0].reviewer", "not a member");

        Http.Response created = admin().postJson("/api/v1/access-reviews/campaigns", """
                {"name":"Q1 %s","dueOn":"%s","systems":[{"systemId":"%s"}]}""".formatted(run, due, system));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("id").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.json().get("recurrence").asText()).isEqualTo("QUARTERLY");

        int mailBefore = mailTo(AttestTest.ADMIN_EMAIL).size();
        Http.Response started = admin().postJson("/api/v1/access-reviews/campaigns/" + campaign + "/start", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        String snapshot = started.json().get("snapshotEvidence").asText();
        JsonNode evidence = admin().get("/api/v1/evidence/" + snapshot).json();
        assertThat(evidence.get("kind").asText()).isEqualTo("access-review-snapshot");
        assertThat(admin().get("/api/v1/evidence/" + snapshot + "/content").body()).contains("ghost", "sleepy");
        List<MimeMessage> mails = mailTo(AttestTest.ADMIN_EMAIL);
        assertThat(mails).hasSizeGreaterThan(mailBefore);
        assertThat(mails.get(mails.size() - 1).getSubject()).contains("Q1 " + run, "6 account(s)");
        assertThat(admin().postJson("/api/v1/access-reviews/campaigns/" + campaign + "/start", "{}").status()).as("twice").isEqualTo(409);

        Map<String, JsonNode> items = itemsByAccount(campaign);
        assertThat(flags(items.get("alice"))).isEmpty();
        assertThat(flags(items.get("bob"))).containsExactly("TERMINATED");
        assertThat(flags(items.get("root"))).containsExactly("PRIVILEGED");
        assertThat(flags(items.get("backup"))).containsExactly("SERVICE");
        assertThat(flags(items.get("ghost"))).containsExactly("NO_MATCHING_PERSON");
        assertThat(flags(items.get("sleepy"))).containsExactly("DORMANT");
        assertThat(items.get("root").get("personEmail").asText()).isEqualTo(email("alice"));

        String base = "/api/v1/access-reviews/campaigns/" + campaign + "/accounts/";
        Http.Response noReason = admin().postJson(base + items.get("root").get("id").asText() + "/decision", "{\"decision\":\"keep\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"comment\"", "privileged");
        Http.Response noRoles = admin().postJson(base + items.get("alice").get("id").asText() + "/decision", "{\"decision\":\"change\"}");
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(noRoles.body()).contains("\"field\":\"roles\"");
        assertThat(admin().postJson(base + items.get("alice").get("id").asText() + "/decision", "{\"decision\":\"approve\"}").status())
                .isEqualTo(400);

        Http.Response bulkFlagged = admin().postJson("/api/v1/access-reviews/campaigns/" + campaign + "/bulk-keep",
                "{\"itemIds\":[\"" + items.get("alice").get("id").asText() + "\",\"" + items.get("bob").get("id").asText() + "\"]}");
        assertThat(bulkFlagged.status()).isEqualTo(400);
        assertThat(bulkFlagged.body()).contains("bob");
        Http.Response bulk = admin().postJson("/api/v1/access-reviews/campaigns/" + campaign + "/bulk-keep",
                "{\"itemIds\":[\"" + items.get("alice").get("id").asText() + "\"]}");
        assertThat(bulk.json().get("kept").asInt()).isEqualTo(1);

        for (String keep : List.of("root", "backup", "ghost", "sleepy")) {
            Http.Response kept = admin().postJson(base + items.get(keep).get("id").asText() + "/decision",
                    "{\"decision\":\"keep\",\"comment\":\"still needed for " + keep + "\"}");
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        }
        Http.Response revoked = admin().postJson(base + items.get("bob").get("id").asText() + "/decision",
                "{\"decision\":\"revoke\",\"comment\":\"left in 2021\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(admin().get("/api/v1/access-reviews/campaigns/" + campaign).json().get("status").asText()).isEqualTo("REMEDIATION");
        JsonNode tasks = admin().get("/api/v1/access-reviews/campaigns/" + campaign + "/tasks").json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("accountId").asText()).isEqualTo("bob");
        assertThat(tasks.get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(tasks.get(0).get("assignee").asText()).isEqualTo(AttestTest.ADMIN_EMAIL);

        JsonNode history = admin().get(base + items.get("bob").get("id").asText() + "/history").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("decidedBy").asText()).isEqualTo(AttestTest.ADMIN_EMAIL + " (token)");

        // The next upload still shows bob: the task stays open. Then bob is gone: verified, and the campaign completes.
        upload(system, "account_id,email\nalice," + email("alice") + "\nbob," + email("bob") + "\n", false);
        assertThat(admin().get("/api/v1/access-reviews/campaigns/" + campaign + "/tasks").json().get(0).get("status").asText())
                .isEqualTo("OPEN");
        String calendar = admin().get("/api/v1/obligations").body();
        assertThat(calendar).contains("accessreviews:campaign:" + campaign, "Revoke bob in Payroll " + run);
        BuiltInChecks checks = new BuiltInChecks("accessreviews.yaml");
        Resource bobNow = resource("accessreviews.account", "Payroll " + run + "/bob");
        assertThat(checks.evaluate(bobNow, java.time.Instant.now())).containsEntry("accessreviews-no-terminated-active", false)
                .containsEntry("accessreviews-system-reviewed-92d", false);
        upload(system, "account_id,email\nalice," + email("alice") + "\n", false);
        JsonNode verified = admin().get("/api/v1/access-reviews/campaigns/" + campaign + "/tasks").json().get(0);
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.get("closedBy").asText()).isEqualTo("collection");
        JsonNode completed = admin().get("/api/v1/access-reviews/campaigns/" + campaign).json();
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode report = admin().get("/api/v1/evidence/" + completed.get("reportEvidence").asText()).json();
        assertThat(report.get("kind").asText()).isEqualTo("access-review");
        assertThat(report.get("controls").toString()).contains("AC-06");
        assertThat(admin().get("/api/v1/evidence/" + completed.get("reportEvidence").asText() + "/content").body())
                .contains("VERIFIED", "left in 2021");

        Map<String, Boolean> aliceNow = checks.evaluate(resource("accessreviews.account", "Payroll " + run + "/alice"), java.time.Instant.now());
        assertThat(aliceNow).containsEntry("accessreviews-system-reviewed-92d", true).containsEntry("accessreviews-no-terminated-active", true);
        assertThat(checks.evaluate(resource("accessreviews.account", "Payroll " + run + "/alice"), java.time.Instant.now().plus(Duration.ofDays(93))))
                .containsEntry("accessreviews-system-reviewed-92d", false);
        assertThat(checks.evaluate(resource("accessreviews.campaign", campaign), java.time.Instant.now()))
                .containsEntry("accessreviews-remediation-not-overdue", true);
        assertThat(admin().get("/api/v1/obligations").body()).doesNotContain("accessreviews:campaign:" + campaign);

        Http.Response late = admin().postJson(base + items.get("alice").get("id").asText() + "/decision", "{\"decision\":\"revoke\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(admin().postJson("/api/v1/access-reviews/campaigns/" + campaign + "/cancel", "{}").status()).isEqualTo(409);
    }

    @Test
    void aSystemThatCannotBeReadStopsTheStartNamingItAndItsError() {
        String system = csvSystem(AttestTest.ADMIN_EMAIL);
        Http.Response created = admin().postJson("/api/v1/access-reviews/campaigns", """
                {"name":"Empty %s","dueOn":"%s","systems":[{"systemId":"%s"}]}""".formatted(run,
                LocalDate.now(ZoneOffset.UTC).plusDays(7), system));
        String campaign = created.json().get("id").asText();
        Http.Response refused = admin().postJson("/api/v1/access-reviews/campaigns/" + campaign + "/start", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"systems\"", "Payroll " + run, "no account list uploaded yet");
        assertThat(admin().get("/api/v1/access-reviews/campaigns/" + campaign).json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(admin().get("/api/v1/access-reviews/systems/" + system).json().get("lastError").asText())
                .contains("no account list uploaded yet");
    }

    @Test
    void reviewersAreRemindedOnceBeforeTheDueDate() {
        String system = csvSystem(AttestTest.ADMIN_EMAIL);
        upload(system, "account_id\nsomeone\n", false);
        Http.Response created = admin().postJson("/api/v1/access-reviews/campaigns", """
                {"name":"Remind %s","dueOn":"%s","systems":[{"systemId":"%s"}]}""".formatted(run,
                LocalDate.now(ZoneOffset.UTC).plusDays(10), system));
        admin().postJson("/api/v1/access-reviews/campaigns/" + created.json().get("id").asText() + "/start", "{}");
        java.util.function.Supplier<Long> reminders = () -> mailTo(AttestTest.ADMIN_EMAIL).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Reminder: access review Remind " + run);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
        admin().postJson("/api/v1/access-reviews/reminders", "{}");
        assertThat(reminders.get()).as("not due yet").isZero();
        CLOCK.advance(Duration.ofDays(8));
        Http.Response sent = admin().postJson("/api/v1/access-reviews/reminders", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(reminders.get()).isEqualTo(1);
        admin().postJson("/api/v1/access-reviews/reminders", "{}");
        assertThat(reminders.get()).as("once").isEqualTo(1);
    }
}
