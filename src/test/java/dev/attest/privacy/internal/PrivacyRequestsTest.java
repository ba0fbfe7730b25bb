package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.obligations.Obligation;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Data-subject requests through the API and the staff pages, on the real database. */
class PrivacyRequestsTest extends MailAndClockTest {

    @Autowired
    DataSubjectRequests requests;
    @Autowired
    PrivacyRecordSources sources;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private WorkspaceId workspace() {
        return new WorkspaceId(defaultWorkspace());
    }

    private JsonNode create(String type, String law, String email) {
        Http.Response created = api().postJson("/api/v1/privacy/requests",
                "{\"type\":\"" + type + "\",\"law\":\"" + law + "\",\"name\":\"Ada Lovelace\",\"email\":\"" + email
                        + "\",\"details\":\"customer account 42\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void onlyThoseWhoMayActSeeTheRequestersPersonalData() {
        String id = create("access", "ccpa", unique("roles")).get("id").asString();
        Http auditor = Http.withToken(port, memberWith("auditor", workspace().value()).token());
        Http employee = Http.withToken(port, memberWith("employee", workspace().value()).token());

        // an auditor reads data-subject requests only as an audit's population, which names no requester
        Http.Response read = auditor.get("/api/v1/privacy/requests/" + id);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("Ada Lovelace");
        assertThat(auditor.postJson("/api/v1/privacy/requests/" + id + "/response", "{\"response\":\"x\"}").status()).isEqualTo(403);
        assertThat(employee.get("/api/v1/privacy/requests").status()).isEqualTo(403);
    }

    @Test
    void aRequestOfAnotherWorkspaceIsNotFound() {
        String id = create("access", "gdpr", unique("iso")).get("id").asString();
        UUID other = UUID.randomUUID();
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(other, "other-" + other.toString().substring(0, 8), "Other", java.time.OffsetDateTime.now(ZoneOffset.UTC)).update();
        Http stranger = Http.withToken(port, memberWith("admin", other).token());

        assertThat(stranger.get("/api/v1/privacy/requests/" + id).status()).isEqualTo(404);
        assertThat(stranger.postJson("/api/v1/privacy/requests/" + id + "/closure", "{\"outcome\":\"denied\",\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/privacy/requests").body()).doesNotContain(id);
    }

    @Test
    void staffRecordARequestWithItsLegalDeadline() {
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneOffset.UTC));
        JsonNode gdpr = create("access", "gdpr", unique("ada"));
        JsonNode ccpa = create("opt-out-of-sale", "ccpa", unique("grace"));

        assertThat(gdpr.get("reference").asString()).startsWith("DSR-");
        assertThat(gdpr.get("deadline").get("dueDate").asString()).isEqualTo(today.plusMonths(1).toString());
        assertThat(gdpr.get("status").asString()).isEqualTo("open");
        assertThat(gdpr.get("subject").get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(ccpa.get("deadline").get("dueDate").asString()).isEqualTo(today.plusDays(45).toString());

        Http.Response read = api().get("/api/v1/privacy/requests/" + gdpr.get("id").asString());
        assertThat(read.json().get("type").asString()).isEqualTo("ACCESS");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        int before = requests.list(workspace(), false).size();

        Http.Response unknownType = api().postJson("/api/v1/privacy/requests",
                "{\"type\":\"erasure-please\",\"law\":\"gdpr\",\"name\":\"A\",\"email\":\"a@example.com\"}");
        Http.Response wrongLaw = api().postJson("/api/v1/privacy/requests",
                "{\"type\":\"opt-out-of-sale\",\"law\":\"gdpr\",\"name\":\"A\",\"email\":\"a@example.com\"}");
        Http.Response badEmail = api().postJson("/api/v1/privacy/requests",
                "{\"type\":\"access\",\"law\":\"ccpa\",\"name\":\"A\",\"email\":\"not an email\"}");
        Http.Response noBody = api().postJson("/api/v1/privacy/requests", "");
        Http.Response everything = api().postJson("/api/v1/privacy/requests",
                "{\"type\":\"erasure-please\",\"law\":\"hipaa\",\"name\":\" \",\"email\":\"a@@example\",\"details\":\"" + "x".repeat(4001) + "\"}");

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body()).contains("\"field\":\"type\"");
        assertThat(wrongLaw.status()).isEqualTo(400);
        assertThat(wrongLaw.body()).contains("not a right under GDPR");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body()).contains("\"field\":\"email\"");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(everything.status()).isEqualTo(400);
        assertThat(everything.body()).as("every bad field in one answer").contains("\"field\":\"type\"", "\"field\":\"law\"",
                "\"field\":\"name\"", "\"field\":\"email\"", "\"field\":\"details\"", "is not a valid email address");
        assertThat(requests.list(workspace(), false)).hasSize(before);
        assertThat(api().get("/api/v1/privacy/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aRequestGoesFromVerificationThroughSystemTasksToClosure() {
        String id = create("deletion", "gdpr", unique("del")).get("id").asString();
        String base = "/api/v1/privacy/requests/" + id;

        assertThat(api().postJson(base + "/identity-verification", "{\"method\":\"\"}").status()).isEqualTo(400);
        assertThat(api().postJson(base + "/identity-verification", "{\"method\":\"replied from the account's address\"}").status()).isEqualTo(200);
        assertThat(api().postJson(base + "/tasks", "{\"system\":\"CRM\"}").status()).isEqualTo(201);
        JsonNode withTasks = api().postJson(base + "/tasks", "{\"system\":\"Data warehouse\"}").json();
        assertThat(api().postJson(base + "/tasks", "{\"system\":\"crm\"}").status()).as("one task per system").isEqualTo(400);

        Http.Response early = api().postJson(base + "/closure", "{\"outcome\":\"fulfilled\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("\"field\":\"tasks\"", "\"field\":\"response\"");

        for (JsonNode task : withTasks.get("tasks")) {
            assertThat(api().postJson(base + "/tasks/" + task.get("id").asString() + "/completion", "{\"note\":\"rows deleted\"}").status())
                    .isEqualTo(200);
        }
        assertThat(api().postJson(base + "/response", "{\"response\":\"Deleted from CRM and warehouse; emailed on request.\"}").status())
                .isEqualTo(200);
        JsonNode closed = api().postJson(base + "/closure", "{\"outcome\":\"fulfilled\"}").json();

        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("outcome").asString()).isEqualTo("fulfilled");
        assertThat(api().postJson(base + "/tasks", "{\"system\":\"Late\"}").status()).as("closed stays closed").isEqualTo(400);
    }

    @Test
    void anExtensionNeedsAReasonAndIsGrantedOnce() {
        JsonNode request = create("portability", "gdpr", unique("ext"));
        String base = "/api/v1/privacy/requests/" + request.get("id").asString();
        LocalDate received = LocalDate.parse(request.get("receivedAt").asString().substring(0, 10));

        Http.Response noReason = api().postJson(base + "/extension", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"", "recorded reason");
        assertThat(api().get(base).json().get("extensionReason").isNull()).isTrue();

        JsonNode extended = api().postJson(base + "/extension", "{\"reason\":\"data spread over 40 systems\"}").json();
        assertThat(extended.get("deadline").get("dueDate").asString()).isEqualTo(received.plusMonths(3).toString());
        assertThat(extended.get("originalDeadline").get("dueDate").asString()).isEqualTo(received.plusMonths(1).toString());
        assertThat(api().postJson(base + "/extension", "{\"reason\":\"again\"}").status()).isEqualTo(400);
    }

    @Test
    void theRequestersPersonalDataIsEncryptedAtRestAndPurgedAfterClosure() {
        String email = unique("purge");
        String id = create("objection", "gdpr", email).get("id").asString();
        String sealed = jdbc.sql("select subject_sealed from privacy_request where id = ?").param(UUID.fromString(id)).query(String.class).single();
        assertThat(sealed).doesNotContain(email).doesNotContain("Ada").doesNotContain("account 42");

        String base = "/api/v1/privacy/requests/" + id;
        api().postJson(base + "/response", "{\"response\":\"We stopped the processing you objected to.\"}");
        api().postJson(base + "/closure", "{\"outcome\":\"denied\",\"reason\":\"compelling legitimate grounds\"}");

        CLOCK.advance(Duration.ofDays(89));
        requests.purge();
        assertThat(api().get(base).json().get("subject").get("email").asString()).isEqualTo(email);

        CLOCK.advance(Duration.ofDays(2));
        assertThat(requests.purge()).isGreaterThanOrEqualTo(1);
        JsonNode purged = api().get(base).json();
        assertThat(purged.get("subject").isNull()).isTrue();
        assertThat(purged.get("purgedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from privacy_request where id = ? and subject_sealed is null")
                .param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void requestsAreResourcesForMonitoringAndOpenOnesAreObligations() {
        String id = create("correction", "ccpa", unique("res")).get("id").asString();
        Http.Response stranger = api().postJson("/api/v1/privacy/requests/" + id + "/assignment", "{\"assignee\":\"nobody@example.com\"}");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("\"field\":\"assignee\"");
        assertThat(api().postJson("/api/v1/privacy/requests/" + id + "/assignment", "{\"assignee\":\"Admin@localhost\"}").json()
                .get("assignee").asString()).isEqualTo("admin@localhost");

        Resource resource = sources.resources(workspace()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertThat(resource.type()).isEqualTo("privacy.request");
        assertThat(resource.data()).containsEntry("law", "ccpa").containsEntry("type", "correction").containsEntry("status", "open")
                .containsEntry("openTasks", 0L).containsEntry("extended", false).containsKey("dueAt");
        assertThat(resource.data().toString()).doesNotContain("Ada");
        assertThat(sources.types()).containsExactly("privacy.request");

        Obligation obligation = sources.obligations(workspace()).stream().filter(o -> o.id().equals("privacy:request:" + id))
                .findFirst().orElseThrow();
        assertThat(obligation.kind()).isEqualTo("privacy-request");
        assertThat(obligation.owner()).isEqualTo("admin@localhost");
        assertThat(obligation.path()).isEqualTo("/privacy/requests/" + id);
        assertThat(obligation.due().toString()).isEqualTo(resource.data().get("dueAt"));
    }

    @Test
    void theStaffPagesListRequestsAndAnswerHtmxWithTheTableOnly() {
        Http http = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response created = http.postForm("/privacy", "/privacy/requests",
                Map.of("type", "access", "law", "gdpr", "name", "Page Person", "email", unique("page"), "details", ""), Map.of());
        assertThat(created.status()).isEqualTo(302);
        String location = created.header("Location");
        assertThat(location).contains("/privacy/requests/");

        Http.Response page = http.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.body()).contains("<html", "Page Person", "not verified", "DSR-");
        Http.Response pageFragment = http.get(location.replaceFirst("^https?://[^/]+", ""), Map.of("HX-Request", "true"));
        assertThat(pageFragment.body()).doesNotContain("<html").contains("id=\"request\"", "Page Person");

        Http.Response full = http.get("/privacy");
        Http.Response fragment = http.get("/privacy", Map.of("HX-Request", "true"));
        assertThat(full.body()).contains("<html", "Data-subject requests", "Page Person");
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"results\"", "Page Person");

        Http.Response refused = http.postForm("/privacy", "/privacy/requests",
                Map.of("type", "restriction", "law", "ccpa", "name", "Typed Name", "email", "nope", "details", ""), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"email-error\"", "data-testid=\"type-error\"", "Typed Name");

        Http.Response noExtension = http.postForm(location.replaceFirst("^https?://[^/]+", ""),
                location.replaceFirst("^https?://[^/]+", "") + "/extension", Map.of("reason", " "), Map.of());
        assertThat(noExtension.body()).contains("data-testid=\"error-reason\"");
    }
}
