package dev.attest.people;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.ObligationSource;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster through the API: adding, CSV import (all or nothing), onboarding items, background checks, offboarding. */
@AttestTest
class PeopleApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    List<ResourceSource> sources;

    @Autowired
    List<ObligationSource> obligationSources;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private String email(String who) {
        return who + "." + run + "@example.test";
    }

    private static LocalDate daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days);
    }

    @Test
    void aPersonAddedByHandWithBadFieldsIsRefusedNamingEachField() {
        Http.Response missingEmail = api().postJson("/api/v1/people", "{\"name\":\"No Email\"}");
        Http.Response unknownManager = api().postJson("/api/v1/people",
                "{\"name\":\"Lost\",\"email\":\"" + email("lost") + "\",\"managerEmail\":\"ghost@nowhere.test\"}");
        Http.Response endBeforeStart = api().postJson("/api/v1/people",
                "{\"name\":\"Time\",\"email\":\"" + email("time") + "\",\"startDate\":\"2026-05-01\",\"endDate\":\"2026-04-01\"}");
        Http.Response unknownField = api().postJson("/api/v1/people", "{\"name\":\"X\",\"email\":\"" + email("x") + "\",\"shoe\":\"42\"}");

        assertThat(missingEmail.status()).isEqualTo(400);
        assertThat(missingEmail.body()).contains("\"field\":\"email\"");
        assertThat(unknownManager.body()).contains("\"field\":\"managerEmail\"");
        assertThat(endBeforeStart.body()).contains("\"field\":\"endDate\"", "before the start date");
        assertThat(unknownField.body()).contains("\"field\":\"shoe\"");
        assertThat(api().get("/api/v1/people").body()).doesNotContain(email("lost"), email("time"), email("x"));

        Http.Response added = api().postJson("/api/v1/people", "{\"name\":\"Grace Hopper\",\"email\":\"" + email("grace")
                + "\",\"title\":\"Engineer\",\"department\":\"Platform\",\"employmentType\":\"contractor\",\"startDate\":\"" + daysAgo(3) + "\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("employmentType").asString()).isEqualTo("contractor");
        assertThat(api().postJson("/api/v1/people", "{\"name\":\"Again\",\"email\":\"" + email("grace") + "\"}").body())
                .contains("already in the roster");
    }

    @Test
    void everyBadFieldOfAPersonIsNamedInOneAnswer() {
        Http.Response bad = api().postJson("/api/v1/people", "{\"name\":\" \",\"email\":\"not-an-email\",\"managerEmail\":\"ghost@nowhere.test\","
                + "\"employmentType\":\"intern\",\"startDate\":\"2026-05-01\",\"endDate\":\"2026-04-01\",\"requiredPolicies\":[\"no-such-policy\"]}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"name\"", "\"field\":\"email\"", "is not an email address", "\"field\":\"managerEmail\"",
                "\"field\":\"employmentType\"", "\"field\":\"endDate\"", "\"field\":\"requiredPolicies\"", "no-such-policy");
    }

    @Test
    void aCsvWithBadRowsNamesRowAndFieldAndSavesNothing() {
        String csv = """
                name,email,title,department,manager_email,employment_type,start_date,end_date
                Alice Boss,%s,CTO,Engineering,,employee,2026-01-05,
                No Email,,Engineer,Engineering,%s,employee,2026-02-01,
                Bob Lost,%s,Engineer,Engineering,ghost@nowhere.test,employee,2026-02-01,
                Carol Time,%s,Engineer,Engineering,%s,employee,2026-03-01,2026-02-01
                Alice Again,%s,CTO,Engineering,,employee,2026-01-05,
                """.formatted(email("alice"), email("alice"), email("bob"), email("carol"), email("alice"), email("alice"));

        Http.Response preview = api().post("/api/v1/people/import?dryRun=true", "text/csv", csv);
        Http.Response imported = api().post("/api/v1/people/import", "text/csv", csv);

        assertThat(preview.status()).isEqualTo(400);
        assertThat(imported.status()).isEqualTo(400);
        JsonNode errors = imported.json().get("errors");
        assertThat(errors.valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList())
                .containsExactly("3:email", "4:manager_email", "5:end_date", "6:email");
        assertThat(errors.get(3).get("message").asString()).contains("duplicates row 2");
        assertThat(api().get("/api/v1/people").body()).doesNotContain(email("alice"));
    }

    @Test
    void aRosterOf200PeopleImportsInOneGo() {
        StringBuilder csv = new StringBuilder("name,email,department,manager_email,start_date\n");
        csv.append("Lead ").append(run).append(',').append(email("lead")).append(",Engineering,,2026-01-01\n");
        for (int i = 0; i < 199; i++) {
            csv.append("Person ").append(i).append(',').append(email("p" + i)).append(",Engineering,").append(email("lead"))
                    .append(",2026-01-").append(String.format("%02d", 1 + i % 28)).append('\n');
        }
        Http.Response preview = api().post("/api/v1/people/import?dryRun=true", "text/csv", csv.toString());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("rows").asInt()).isEqualTo(200);
        assertThat(api().get("/api/v1/people").body()).doesNotContain(email("p5"));

        Http.Response imported = api().post("/api/v1/people/import", "text/csv", csv.toString());
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.json().get("saved").asInt()).isEqualTo(200);
        assertThat(api().get("/api/v1/people").body()).contains(email("p5"), email("p198"));
    }

    @Test
    void onboardingItemsBecomeDoneAsTheyAreRecordedAndTheOutcomeIsEncryptedForAdminsOnly() {
        String id = add("dana", daysAgo(40), null);

        JsonNode before = api().get("/api/v1/people/" + id).json();
        assertThat(state(before, "training")).isEqualTo("overdue");
        assertThat(state(before, "agreement")).isEqualTo("overdue");
        assertThat(state(before, "background-check")).isEqualTo("overdue");

        assertThat(api().postJson("/api/v1/people/" + id + "/trainings", "{\"course\":\"Security basics\",\"completedOn\":\"" + daysAgo(35) + "\"}")
                .status()).isEqualTo(201);
        Http.Response check = api().putJson("/api/v1/people/" + id + "/background-check",
                "{\"status\":\"completed\",\"completedOn\":\"" + daysAgo(45) + "\",\"provider\":\"Checkr\",\"outcome\":\"clear: no records found\"}");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("outcome").asString()).isEqualTo("clear: no records found");
        assertThat(api().putJson("/api/v1/people/" + id + "/background-check", "{\"status\":\"finished\"}").body())
                .contains("\"field\":\"status\"");

        String stored = jdbc.sql("select outcome from background_check where person_id = ?").param(UUID.fromString(id)).query(String.class).single();
        assertThat(stored).isNotBlank().doesNotContain("clear");

        JsonNode after = api().get("/api/v1/people/" + id).json();
        assertThat(state(after, "training")).isEqualTo("done");
        assertThat(state(after, "background-check")).isEqualTo("done");
        assertThat(after.get("backgroundCheck").get("outcome").asString()).isEqualTo("clear: no records found");

        // a reader without the sensitive permission (a viewer) sees the status, never the outcome
        String viewerToken = new Members(jdbc, passwords).add(email("viewer"), "viewer-password-1", "viewer");
        JsonNode seenByViewer = Http.withToken(port, viewerToken).get("/api/v1/people/" + id).json();
        assertThat(seenByViewer.get("backgroundCheck").get("status").asString()).isEqualTo("completed");
        assertThat(seenByViewer.get("backgroundCheck").get("outcome").isNull()).isTrue();
        assertThat(Http.withToken(port, viewerToken).postJson("/api/v1/people", "{\"name\":\"A\",\"email\":\"" + email("a") + "\"}").status())
                .isEqualTo(403);

        Resource resource = resource(email("dana"));
        assertThat(resource.data()).containsEntry("active", true).containsEntry("backgroundCheckStatus", "completed")
                .containsKeys("trainingCompletedAt", "backgroundCheckCompletedAt", "startAt").doesNotContainKey("agreementSignedAt");
    }

    @Test
    void anEndDateOpensOneRevocationPerSystemConfirmedWithWhoAndWhen() {
        String id = add("erin", daysAgo(400), null);
        JsonNode person = api().get("/api/v1/people/" + id).json().get("person");
        String body = "{\"name\":\"" + person.get("name").asString() + "\",\"email\":\"" + email("erin") + "\",\"startDate\":\"" + daysAgo(400)
                + "\",\"endDate\":\"" + daysAgo(3) + "\"}";
        assertThat(api().putJson("/api/v1/people/" + id, body).status()).isEqualTo(200);

        JsonNode detail = api().get("/api/v1/people/" + id).json();
        JsonNode tasks = detail.get("offboarding");
        assertThat(tasks.valueStream().map(t -> t.get("system").asString()).toList()).containsAll(People.DEFAULT_SYSTEMS);
        assertThat(detail.get("items").valueStream().filter(i -> i.get("kind").asString().equals("offboarding"))
                .allMatch(i -> i.get("state").asString().equals("overdue"))).isTrue();
        assertThat(resource(email("erin")).data()).containsEntry("active", false).containsEntry("revocationsLate", 4L);

        String taskId = tasks.get(0).get("id").asString();
        JsonNode confirmed = api().postJson("/api/v1/people/" + id + "/offboarding/" + taskId + "/confirm", "").json();
        assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("admin@localhost (token)");
        assertThat(confirmed.get("confirmedAt").isNull()).isFalse();
        assertThat(obligationSources.stream().flatMap(s -> s.obligations(workspace()).stream())
                .filter(o -> o.kind().equals("offboarding-revocation") && o.path().equals("/people/" + id))).hasSize(3);
    }

    private String add(String who, LocalDate start, LocalDate end) {
        Http.Response r = api().postJson("/api/v1/people", "{\"name\":\"" + who + " " + run + "\",\"email\":\"" + email(who) + "\",\"startDate\":\""
                + start + "\"" + (end == null ? "" : ",\"endDate\":\"" + end + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String state(JsonNode detail, String kind) {
        return detail.get("items").valueStream().filter(i -> i.get("kind").asString().equals(kind)).findFirst().orElseThrow()
                .get("state").asString();
    }

    private WorkspaceId workspace() {
        return new WorkspaceId(new Members(jdbc, passwords).workspace());
    }

    private Resource resource(String email) {
        ResourceSource source = sources.stream().filter(s -> s.types().contains("people.person")).findFirst().orElseThrow();
        return source.resources(workspace()).stream().filter(r -> r.id().equals(email)).findFirst().orElseThrow();
    }
}
