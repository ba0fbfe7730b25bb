package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar across modules, recurring duties, the iCalendar feed and email reminders. */
class ObligationsCalendarTest extends MailAndClockTest {

    @Autowired
    ObligationReminders reminders;
    @Autowired
    ObligationResources resources;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static LocalDate today() {
        return LocalDate.now(CLOCK.withZone(ZoneOffset.UTC));
    }

    private JsonNode schedule(String kind, String title, String owner, LocalDate firstDue) {
        Http.Response created = api().postJson("/api/v1/obligations/duties", """
                {"kind":"%s","title":"%s","owner":%s,"firstDue":"%s"}""".formatted(kind, title,
                owner == null ? "null" : "\"" + owner + "\"", firstDue));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theCalendarShowsEveryModulesObligationsSoonestFirstWithOverdueOnesMarked() {
        String late = unique("Access review");
        String soon = unique("Penetration test");
        schedule("access-review", late, "admin@localhost", today().minusDays(3));
        schedule("penetration-test", soon, null, today().plusDays(20));
        String reference = api().postJson("/api/v1/privacy/requests",
                "{\"type\":\"access\",\"law\":\"gdpr\",\"name\":\"Cal Endar\",\"email\":\"cal@example.com\"}").json().get("reference").asString();

        JsonNode calendar = api().get("/api/v1/obligations").json();
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        calendar.forEach(e -> byTitle.put(e.get("obligation").get("title").asString(), e));
        assertThat(byTitle.get(late).get("overdue").asBoolean()).isTrue();
        assertThat(byTitle.get(late).get("source").asString()).isEqualTo("obligations");
        assertThat(byTitle.get(soon).get("overdue").asBoolean()).isFalse();
        JsonNode privacy = byTitle.entrySet().stream().filter(e -> e.getKey().contains(reference)).findFirst().orElseThrow().getValue();
        assertThat(privacy.get("source").asString()).isEqualTo("privacy");
        List<String> titles = new ArrayList<>(byTitle.keySet());
        assertThat(titles.indexOf(late)).isLessThan(titles.indexOf(soon));

        Http session = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response page = session.get("/obligations");
        assertThat(page.body()).contains("<html", "Obligations calendar", late, soon, reference, "overdue-badge", "data-testid=\"overdue-count\"");
        Http.Response fragment = session.get("/obligations?show=mine", Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"calendar\"", late).doesNotContain(soon);
    }

    @Test
    void badDutiesAreRefusedNamingTheFieldAndNothingIsSaved() {
        int before = api().get("/api/v1/obligations/duties").json().size();
        Http.Response bad = api().postJson("/api/v1/obligations/duties",
                "{\"kind\":\"yoga\",\"owner\":\"stranger@example.com\",\"firstDue\":\"next week\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"kind\"", "\"field\":\"owner\"", "\"field\":\"firstDue\"");
        assertThat(api().get("/api/v1/obligations/duties").json().size()).isEqualTo(before);
        assertThat(api().postJson("/api/v1/obligations/duties/" + UUID.randomUUID() + "/completion", "").status()).isEqualTo(404);

        Http session = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response form = session.postForm("/obligations", "/obligations/duties",
                Map.of("kind", "access-review", "title", "Typed title", "owner", "", "firstDue", ""), Map.of());
        assertThat(form.body()).contains("data-testid=\"firstDue-error\"", "Typed title");
    }

    @Test
    void markingADutyDoneRollsItToItsNextDueDate() {
        LocalDate first = today().minusDays(10);
        JsonNode duty = schedule("access-review", unique("Quarterly access review"), "admin@localhost", first);

        JsonNode done = api().postJson("/api/v1/obligations/duties/" + duty.get("id").asString() + "/completion", "").json();
        assertThat(done.get("nextDue").asString()).isEqualTo(first.plusMonths(3).toString());
        assertThat(done.get("lastDoneBy").asString()).startsWith("admin@localhost");

        JsonNode yearly = schedule("security-training", unique("Training"), null, today().plusDays(5));
        assertThat(api().postJson("/api/v1/obligations/duties/" + yearly.get("id").asString() + "/completion", "").json()
                .get("nextDue").asString()).isEqualTo(today().plusDays(5).plusYears(1).toString());
    }

    @Test
    void theFeedIsAValidICalendarDocumentReachableOnlyWithItsToken() {
        String title = unique("Review: AWS, GCP; Okta \\ ünïcødé and a title long enough to need folding across lines");
        schedule("access-review", title.replace("\\", "\\\\"), "admin@localhost", today().plusDays(9));

        String url = api().postJson("/api/v1/obligations/feed", "").json().get("url").asString();
        assertThat(url).matches("http://localhost:\\d+/obligations/calendar/[A-Za-z0-9_-]{40,}\\.ics");
        String path = url.replaceFirst("^http://[^/]+", "");

        Http.Response feed = Http.anonymous(port).get(path);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        List<Map<String, String>> events = parseCalendar(feed.body());
        Map<String, String> event = events.stream().filter(e -> title.equals(e.get("SUMMARY"))).findFirst().orElseThrow();
        assertThat(event.get("DTSTART;VALUE=DATE")).isEqualTo(today().plusDays(9).toString().replace("-", ""));
        assertThat(event.get("DTEND;VALUE=DATE")).isEqualTo(today().plusDays(10).toString().replace("-", ""));
        assertThat(event.get("UID")).startsWith("obligations:duty:").endsWith("@attest");
        assertThat(event.get("URL")).contains("/obligations#duty-");

        assertThat(Http.anonymous(port).get("/obligations/calendar/not-a-real-token-at-all-0123456789.ics").status()).isEqualTo(404);
        api().postJson("/api/v1/obligations/feed", "");
        assertThat(Http.anonymous(port).get(path).status()).as("a new link revokes the old").isEqualTo(404);
    }

    @Test
    void aMembersFeedHoldsOnlyTheirOwnObligationsAndStopsWhenTheyLeave() {
        TestMember employee = memberWith("employee", defaultWorkspace());
        String theirs = unique("Their training");
        String others = unique("Someone else's test");
        schedule("security-training", theirs, employee.email(), today().plusDays(30));
        schedule("penetration-test", others, null, today().plusDays(30));

        Http asEmployee = Http.withToken(port, employee.token());
        assertThat(asEmployee.postJson("/api/v1/obligations/duties", "{}").status()).as("employees only read").isEqualTo(403);
        String path = asEmployee.postJson("/api/v1/obligations/feed", "").json().get("url").asString().replaceFirst("^http://[^/]+", "");
        List<String> titles = parseCalendar(Http.anonymous(port).get(path).body()).stream().map(e -> e.get("SUMMARY")).toList();
        assertThat(titles).contains(theirs).doesNotContain(others);

        jdbc.sql("delete from membership where user_id = (select id from app_user where email = ?)").param(employee.email()).update();
        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(404);
    }

    @Test
    void ownersAreRemindedByEmailOnceBeforeTheDueDate() throws Exception {
        String soon = unique("BCP test");
        String later = unique("IR exercise");
        schedule("bcp-dr-test", soon, "admin@localhost", today().plusDays(3));
        schedule("incident-response-exercise", later, "admin@localhost", today().plusDays(40));

        reminders.send();
        reminders.send();

        var mine = mailTo("admin@localhost").stream().filter(m -> {
            try {
                return m.getSubject().contains(soon) || m.getSubject().contains(later);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getSubject()).isEqualTo("Due soon: " + soon);
        assertThat(body(mine.get(0))).contains("/obligations#duty-");

        CLOCK.advance(Duration.ofDays(34));
        reminders.send();
        assertThat(mailTo("admin@localhost").stream().filter(m -> {
            try {
                return m.getSubject().contains(later);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).hasSize(1);
    }

    @Test
    void theReminderLeadTimeIsAWorkspaceSettingWithinBounds() {
        assertThat(api().putJson("/api/v1/obligations/settings", "{\"reminderDays\":91}").status()).isEqualTo(400);
        assertThat(api().putJson("/api/v1/obligations/settings", "{}").body()).contains("\"field\":\"reminderDays\"");
        assertThat(api().get("/api/v1/obligations/settings").json().get("reminderDays").asInt()).isEqualTo(7);
        try {
            assertThat(api().putJson("/api/v1/obligations/settings", "{\"reminderDays\":14}").json().get("reminderDays").asInt()).isEqualTo(14);
            assertThat(api().get("/api/v1/obligations/settings").json().get("reminderDays").asInt()).isEqualTo(14);
        } finally {
            api().putJson("/api/v1/obligations/settings", "{\"reminderDays\":7}");
        }
    }

    @Test
    void obligationsAreResourcesForMonitoring() {
        String title = unique("Pen test");
        JsonNode duty = schedule("penetration-test", title, null, today().minusDays(20));
        WorkspaceId workspace = new WorkspaceId(defaultWorkspace());

        Resource resource = resources.resources(workspace).stream()
                .filter(r -> r.id().equals("obligations:duty:" + duty.get("id").asString())).findFirst().orElseThrow();
        assertThat(resource.type()).isEqualTo("obligations.obligation");
        assertThat(resource.data()).containsEntry("title", title).containsEntry("kind", "penetration-test")
                .containsEntry("overdue", true).containsEntry("module", "obligations")
                .containsEntry("due", today().minusDays(19).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        assertThat(resources.types()).containsExactlyInAnyOrder("obligations.obligation", "obligations.duty");
        // The same duty as a duty resource, which the per-kind record checks read.
        Resource asDuty = resources.resources(workspace).stream()
                .filter(r -> r.type().equals("obligations.duty") && r.id().equals(duty.get("id").asString())).findFirst().orElseThrow();
        assertThat(asDuty.data()).containsEntry("kind", "penetration-test").containsEntry("scheduled", true).containsEntry("overdue", true);
    }

    /**
     * A strict reading of RFC 5545: CRLF line ends, physical lines of at most 75 octets, folding,
     * balanced BEGIN/END, required properties; returns each VEVENT's properties, unescaped.
     */
    static List<Map<String, String>> parseCalendar(String body) {
        assertThat(body).endsWith("\r\n");
        String[] physical = body.split("\r\n", -1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < physical.length - 1; i++) {
            String line = physical[i];
            assertThat(line).doesNotContain("\n").doesNotContain("\r");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("line %d octets", i).isLessThanOrEqualTo(75);
            if (line.startsWith(" ") || line.startsWith("\t")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0").anyMatch(l -> l.startsWith("PRODID:"));
        Deque<String> open = new ArrayDeque<>();
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            assertThat(colon).as(line).isPositive();
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN")) {
                open.push(value);
                if (value.equals("VEVENT")) {
                    current = new LinkedHashMap<>();
                }
            } else if (name.equals("END")) {
                assertThat(open.pop()).isEqualTo(value);
                if (value.equals("VEVENT")) {
                    assertThat(current).containsKeys("UID", "DTSTAMP", "SUMMARY");
                    assertThat(current.keySet()).anyMatch(k -> k.startsWith("DTSTART"));
                    assertThat(current.get("DTSTAMP")).matches("\\d{8}T\\d{6}Z");
                    events.add(current);
                    current = null;
                }
            } else if (current != null) {
                current.put(name, unescape(value));
            }
        }
        assertThat(open).isEmpty();
        return events;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                assertThat(c == ';' || c == ',').as("unescaped separator in " + value).isFalse();
                out.append(c);
            }
        }
        return out.toString();
    }
}
