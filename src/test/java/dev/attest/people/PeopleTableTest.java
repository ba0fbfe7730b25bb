package dev.attest.people;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.Policies;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster as a table: each person's done, due and overdue items counted in the database exactly as the person's
 * own page counts them item by item, sorted, filtered and paged with counts, an empty state, and a CSV that follows
 * the filters and the order; the dashboard's figure agrees with the list.
 */
@AttestTest
class PeopleTableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Policies policies;

    @Test
    void theCountsOfTheListAgreeWithEachPersonsItemsAndTheDashboard() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        api.putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}");
        String conduct = published(api, "code-of-conduct");
        String backup = published(api, "backup");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String done = person(api, "Alice Done", "alice", "\"startDate\":\"2020-01-01\"");
        api.postJson("/api/v1/people/" + done + "/trainings", "{\"course\":\"Awareness\",\"completedOn\":\"" + today.minusDays(3) + "\"}");
        api.putJson("/api/v1/people/" + done + "/background-check", "{\"status\":\"completed\",\"completedOn\":\"2019-12-01\"}");
        sign(ws.workspaceId(), done);
        accept(ws.workspaceId(), conduct, "alice");
        accept(ws.workspaceId(), backup, "alice");

        person(api, "Bob Future", "bob", "\"startDate\":\"" + today.plusYears(2) + "\"");
        String stale = person(api, "Carol Stale", "carol", "\"startDate\":\"2020-01-01\",\"requiredPolicies\":[\"" + backup + "\"]");
        api.postJson("/api/v1/people/" + stale + "/trainings", "{\"course\":\"Old\",\"completedOn\":\"" + today.minusYears(2) + "\"}");
        api.putJson("/api/v1/people/" + stale + "/background-check", "{\"status\":\"waived\"}");
        accept(ws.workspaceId(), conduct, "carol");
        person(api, "Dan Departed", "dan", "\"startDate\":\"2020-01-01\",\"endDate\":\"" + today.minusDays(10) + "\"");
        person(api, "Erin Recent", "erin", "\"startDate\":\"" + today.minusDays(10) + "\",\"requiredPolicies\":[\"" + conduct + "\"]");
        person(api, "Finn Undated", "finn", "\"title\":\"Engineer\"");
        person(api, "Gus Leaving", "gus", "\"startDate\":\"2020-01-01\",\"endDate\":\"" + today.plusDays(20) + "\"");

        List<JsonNode> listed = api.get("/api/v1/people").json().valueStream().toList();
        assertThat(listed).hasSize(7);
        int compliant = 0;
        int withOverdue = 0;
        for (JsonNode row : listed) {
            List<JsonNode> items = api.get("/api/v1/people/" + row.get("id").asString()).json().get("items").valueStream().toList();
            Map<String, Long> byState = new HashMap<>();
            items.forEach(i -> byState.merge(i.get("state").asString(), 1L, Long::sum));
            String who = row.get("name").asString();
            assertThat(row.get("done").asLong()).as(who + " done").isEqualTo(byState.getOrDefault("done", 0L));
            assertThat(row.get("due").asLong()).as(who + " due").isEqualTo(byState.getOrDefault("due", 0L));
            assertThat(row.get("overdue").asLong()).as(who + " overdue").isEqualTo(byState.getOrDefault("overdue", 0L));
            compliant += row.get("fullyCompliant").asBoolean() ? 1 : 0;
            withOverdue += row.get("overdue").asLong() > 0 ? 1 : 0;
        }
        assertThat(listed.stream().filter(r -> r.get("name").asString().equals("Alice Done")).findFirst().orElseThrow()
                .get("fullyCompliant").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/people/compliance").json().get("fullyCompliant").asInt()).isEqualTo(compliant);

        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        String dashboard = browser.get("/").body();
        assertThat(dashboard).contains(compliant + " / 7");
        String page = browser.get("/people").body();
        assertThat(page).contains("data-testid=\"compliant\">" + compliant + "<", "data-testid=\"with-overdue\">" + withOverdue + "<");
        assertThat(browser.get("/people?state=compliant").body()).contains("data-testid=\"people-count\">" + compliant + "<");
        assertThat(browser.get("/people?state=overdue").body()).contains("data-testid=\"people-count\">" + withOverdue + "<");
        assertThat(browser.get("/people?state=due").body()).contains("data-testid=\"people-count\">" + (7 - compliant - withOverdue) + "<");
    }

    @Test
    void anEmptyRosterSaysHowToAddPeopleAndAFilterThatFindsNothingSaysToClearIt() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        assertThat(browser.get("/people").body()).contains("data-testid=\"empty-state\"", "href=\"/people/new\"", "Add a person")
                .contains("data-testid=\"people-count\">0<").doesNotContain("data-testid=\"pager\"");
        person(Http.withToken(port, ws.token()), "Only One", "only", "\"startDate\":\"2020-01-01\"");
        assertThat(browser.get("/people?q=zzqq").body()).contains("Nobody matches these filters", "Show everyone");
    }

    @Test
    void theRosterPagesWithCountsSortsByOverdueAndTheCsvFollowsTheFiltersAndTheOrder() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String future = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        for (int i = 1; i <= 52; i++) {
            person(api, "Person %02d".formatted(i), "p" + i, "\"startDate\":\"" + (i == 30 ? "2020-01-01" : future) + "\"");
        }
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        var first = browser.get("/people");
        assertThat(first.body()).contains("data-testid=\"count\">1–50 of 52<", "rel=\"next\"", "Person 01").doesNotContain("Person 51");
        assertThat(browser.get("/people?page=2").body()).contains("51–52 of 52", "Person 52", "rel=\"prev\"");
        var byOverdue = browser.get("/people?sort=overdue&dir=desc").body();
        assertThat(byOverdue.indexOf("Person 30")).isLessThan(byOverdue.indexOf("Person 01")).isPositive();
        assertThat(byOverdue).contains("aria-sort=\"descending\"");
        assertThat(browser.get("/people?sort=secret&dir=sideways&page=999&state=odd").body()).contains("51–52 of 52");

        assertThat(browser.get("/people?q=person%200&sort=name&dir=desc").body())
                .contains("href=\"/people/export?q=person%200&amp;sort=name&amp;dir=desc\"");
        var csv = browser.get("/people/export?q=person%200&sort=name&dir=desc");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,name,email,title,department,manager_email,employment_type,start_date,end_date,done,due,overdue,state");
        assertThat(lines).hasSize(10);
        assertThat(lines.get(1)).contains(",Person 09,");
        assertThat(lines.get(9)).contains(",Person 01,");
        List<String> overdue = Arrays.asList(browser.get("/people/export?state=overdue").body().split("\r\n"));
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1)).contains(",Person 30,", ",overdue");
    }

    private static String published(Http api, String template) {
        String id = api.postJson("/api/v1/policies", "{\"template\":\"" + template + "\"}").json().get("id").asString();
        for (String action : new String[]{"submit", "approve", "publish"}) {
            assertThat(api.postJson("/api/v1/policies/" + id + "/versions/1/" + action, "").status()).isEqualTo(200);
        }
        return id;
    }

    private static String person(Http api, String name, String mailbox, String fields) {
        Http.Response added = api.postJson("/api/v1/people", "{\"name\":\"" + name + "\",\"email\":\"" + mailbox + "@example.test\"" +
                (fields.isEmpty() ? "" : "," + fields) + "}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("id").asString();
    }

    private void accept(UUID workspace, String policy, String mailbox) {
        policies.accept(new WorkspaceId(workspace), UUID.fromString(policy), 1, mailbox + "@example.test", "127.0.0.1", mailbox);
    }

    private void sign(UUID workspace, String person) {
        jdbc.sql("insert into person_agreement (id, workspace_id, person_id, signed_name, signed_at, address) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace, UUID.fromString(person), "Alice Done", OffsetDateTime.now(ZoneOffset.UTC), "127.0.0.1")
                .update();
    }
}
