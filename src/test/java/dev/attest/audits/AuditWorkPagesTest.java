package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page's forms as a signed-in browser posts them: each refusal is shown on its form naming
 * the field with nothing saved, and an auditor of another audit gets none of this audit's pages.
 */
@AttestTest
class AuditWorkPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Workspace(ExtraAccounts.Account lead, Http api, Http page, String audit) {
    }

    /** A new workspace with an ISO 27001 audit over A.5.1 whose period runs until tomorrow. */
    private Workspace workspace() {
        ExtraAccounts.Account lead = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, lead.token());
        Http.Response created = api.postJson("/api/v1/audits", """
                {"kind":"iso27001_surveillance","scope":["A.5.1"],"firm":"Certifier","leadAuditor":"Kim Ode","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(LocalDate.now().minusDays(60), LocalDate.now().plusDays(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Workspace(lead, api, Http.signedIn(port, lead.email(), ExtraAccounts.PASSWORD), created.json().get("id").asString());
    }

    private long requests(String audit) {
        return jdbc.sql("select count(*) from audit_request where audit_id = ?").param(UUID.fromString(audit)).query(Long.class).single();
    }

    private static String csrf(Http http, String page) {
        Matcher m = CSRF.matcher(http.get(page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return m.group(1);
    }

    @Test
    void aRequestWithoutTextOrForAControlOutsideTheScopeIsAFormErrorAndNothingIsSaved() {
        Workspace w = workspace();
        String page = "/audits/" + w.audit();
        Http.Response blank = w.page().postForm(page, page + "/requests", Map.of("request", " ", "control", ""), Map.of());
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("data-testid=\"request-text-error\"", "is required");

        Http.Response everything = w.page().postForm(page, page + "/requests",
                Map.of("request", " ", "reference", "no spaces please", "dueOn", "31/12/2027"), Map.of());
        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.body()).as("every bad field of the form at once")
                .contains("data-testid=\"request-text-error\"", "data-testid=\"request-reference-error\"", "letters, digits and . _ / - only",
                        "must be a date such as 2027-01-31");

        Http.Response outside = w.page().postForm(page, page + "/requests", Map.of("request", "MFA settings", "control", "AC-01"), Map.of());
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).contains("data-testid=\"request-control-error\"", "AC-01", "not a control within this audit");
        assertThat(outside.body()).contains(">MFA settings</textarea>");
        assertThat(requests(w.audit())).isZero();

        Http.Response added = w.page().postForm(page, page + "/requests", Map.of("request", "Organisation chart", "control", "gr-01",
                "dueOn", LocalDate.now().plusDays(7).toString()), Map.of());
        assertThat(added.status()).isEqualTo(302);
        assertThat(w.page().get(page).body()).contains("REQ-001", "Organisation chart", "GR-01", "Request REQ-001 added");
        assertThat(w.page().get(page + "?status=not_ready").body()).contains("REQ-001");
        assertThat(w.page().get(page).body()).contains("not ready (1)", "accepted (0)");
        assertThat(w.page().get(page + "?status=accepted").body()).contains("data-testid=\"no-requests\"").doesNotContain("Organisation chart");
        // htmx asks for the request list alone
        String fragment = w.page().get(page + "?status=not_ready", Map.of("HX-Request", "true")).body();
        assertThat(fragment).contains("REQ-001").doesNotContain("<html");
    }

    @Test
    void anImportIsPreviewedWithItsBadRowsAndColumnsBeforeAnythingIsSavedThenImportedWhole() {
        Workspace w = workspace();
        String page = "/audits/" + w.audit();
        String bad = """
                Reference,Request,Control,Due date,Assignee
                PBC-1,Information security policy,GR-01,2027-01-20,admin@localhost
                PBC-2,Policy review minutes,GR-01,20 January,admin@localhost
                PBC-3,Production access review,AC-01,2027-01-20,
                """;
        Http.Response preview = w.page().postMultipart(page + "/requests/import/preview?_csrf=" + csrf(w.page(), page), Map.of(), "list.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("data-testid=\"import-errors\"", "<td>3</td><td>due date</td>", "<td>4</td><td>control</td>")
                .doesNotContain("confirm-import");
        assertThat(requests(w.audit())).isZero();

        String good = bad.lines().filter(l -> !l.startsWith("PBC-2") && !l.startsWith("PBC-3")).reduce("", (a, b) -> a + b + "\n")
                + "PBC-5,Risk treatment plan,PS-09,,\n";
        Http.Response ready = w.page().postMultipart(page + "/requests/import/preview?_csrf=" + csrf(w.page(), page), Map.of(), "list.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(ready.body()).contains("2 request(s) will be added", "PBC-1", "PBC-5");
        assertThat(requests(w.audit())).isZero();
        Matcher content = Pattern.compile("name=\"content\" value=\"([^\"]+)\"").matcher(ready.body());
        assertThat(content.find()).isTrue();
        Matcher token = CSRF.matcher(ready.body());
        assertThat(token.find()).isTrue();
        Http.Response imported = w.page().post(page + "/requests/import", "application/x-www-form-urlencoded",
                "format=csv&content=" + java.net.URLEncoder.encode(content.group(1), StandardCharsets.UTF_8) + "&_csrf=" + token.group(1));
        assertThat(imported.status()).isEqualTo(302);
        assertThat(requests(w.audit())).isEqualTo(2);
        assertThat(w.page().get(page + "/requests.csv").body()).contains("PBC-1", "PBC-5");
    }

    @Test
    void aSampleLargerThanItsPopulationAndAFlagWithoutACommentAreFormErrors() {
        Workspace w = workspace();
        String page = "/audits/" + w.audit();
        for (int i = 0; i < 3; i++) {
            assertThat(w.api().postJson("/api/v1/incidents", "{\"title\":\"Phishing " + i + "\",\"description\":\"reported\",\"systems\":[\"mail\"]}")
                    .status()).isEqualTo(201);
        }
        String body = w.page().get(page).body();
        assertThat(body).contains("data-population=\"incidents\"");
        Http.Response tooLarge = w.page().postForm(page, page + "/samples", Map.of("population", "incidents", "size", "4"), Map.of());
        assertThat(tooLarge.status()).isEqualTo(200);
        assertThat(tooLarge.body()).contains("data-testid=\"sample-size-error\"", "the population has 3 items");
        assertThat(jdbc.sql("select count(*) from audit_sample where audit_id = ?").param(UUID.fromString(w.audit())).query(Long.class).single()).isZero();
        Http.Response notANumber = w.page().postForm(page, page + "/samples", Map.of("population", "incidents", "size", "two"), Map.of());
        assertThat(notANumber.body()).contains("data-testid=\"sample-size-error\"", "must be a whole number");

        assertThat(w.page().postForm(page, page + "/samples", Map.of("population", "incidents", "size", "2", "seed", "42"), Map.of()).status())
                .isEqualTo(302);
        assertThat(w.page().get(page).body()).contains("2 of 3", ">42<");

        // the client cannot accept or flag its own evidence; the flag form's refusals are the auditor's (see the browser test)
        var request = w.api().postJson("/api/v1/audits/" + w.audit() + "/requests", "{\"request\":\"Incident log\"}").json();
        Http.Response accept = w.page().postForm(page, page + "/requests/" + request.get("id").asString() + "/status", Map.of("action", "accept"), Map.of());
        assertThat(accept.status()).isEqualTo(403);
        Http.Response noAction = w.page().postForm(page, page + "/requests/" + request.get("id").asString() + "/status", Map.of(), Map.of());
        assertThat(noAction.body()).contains("data-testid=\"move-error\"");
    }

    @Test
    void theStatementOfApplicabilityNeedsAJustificationToExcludeAndAnotherPersonToApprove() {
        Workspace w = workspace();
        assertThat(w.page().get("/soa").body()).contains("data-testid=\"no-soa\"");
        assertThat(w.page().postForm("/soa", "/soa/versions", Map.of(), Map.of()).status()).isEqualTo(302);
        String soa = w.page().get("/soa").body();
        assertThat(soa).contains("93 Annex A controls", "Version 1 (draft)");

        Http.Response unjustified = w.page().postForm("/soa", "/soa/entries/A.7.1", Map.of("applicable", "no", "justification", ""), Map.of());
        assertThat(unjustified.status()).isEqualTo(200);
        assertThat(unjustified.body()).contains("data-testid=\"justification-error\"", "needs the reason for its exclusion");
        Http.Response excluded = w.page().postForm("/soa", "/soa/entries/A.7.1",
                Map.of("applicable", "no", "justification", "Fully remote: no offices", "implementation", "not_applicable"), Map.of());
        assertThat(excluded.status()).isEqualTo(302);

        Http.Response selfApproval = w.page().postForm("/soa", "/soa/approve", Map.of(), Map.of());
        assertThat(selfApproval.status()).isEqualTo(200);
        assertThat(selfApproval.body()).contains("data-testid=\"approve-error\"", "cannot approve");

        ExtraAccounts.Account manager = ExtraAccounts.member(jdbc, w.lead().workspaceId(), "compliance_manager");
        Http approver = Http.signedIn(port, manager.email(), ExtraAccounts.PASSWORD);
        assertThat(approver.postForm("/soa", "/soa/approve", Map.of(), Map.of()).status()).isEqualTo(302);
        String approved = approver.get("/soa").body();
        assertThat(approved).contains("Version 1 (approved)", "frozen").doesNotContain("data-testid=\"save-entry\"");
        Http.Response frozen = approver.postForm("/soa", "/soa/entries/A.7.1", Map.of("applicable", "yes"), Map.of());
        assertThat(frozen.body()).contains("create a new version to change anything");
        assertThat(approver.get("/soa/versions/1/csv").body()).contains("A.7.1", "Fully remote: no offices");
        assertThat(approver.getBytes("/soa/versions/1/pdf")).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anOpenMajorNonconformityIsShownAsTheReasonCompletionIsBlocked() {
        Workspace w = workspace();
        String page = "/audits/" + w.audit();
        ExtraAccounts.Account auditor = ExtraAccounts.member(jdbc, w.lead().workspaceId(), "auditor");
        w.api().postJson("/api/v1/audits/" + w.audit() + "/auditors", "{\"email\":\"" + auditor.email() + "\",\"endsWithAudit\":true}");
        Http auditorPage = Http.signedIn(port, auditor.email(), ExtraAccounts.PASSWORD);
        Http.Response untitled = auditorPage.postForm(page, page + "/findings", Map.of("kind", "major_nonconformity", "title", ""), Map.of());
        assertThat(untitled.body()).contains("data-testid=\"finding-title-error\"", "is required");
        assertThat(auditorPage.postForm(page, page + "/findings", Map.of("kind", "major_nonconformity", "title", "No management review"), Map.of())
                .status()).isEqualTo(302);

        assertThat(w.page().get(page).body()).contains("data-testid=\"blocking\"", "major nonconformity F-01 is still open");
        w.api().postJson("/api/v1/audits/" + w.audit() + "/status", "{\"action\":\"start_fieldwork\"}");
        w.api().postJson("/api/v1/audits/" + w.audit() + "/status", "{\"action\":\"start_reporting\"}");
        Http.Response refused = w.page().postMultipart(page + "/complete?_csrf=" + csrf(w.page(), page),
                Map.of("issuedOn", LocalDate.now().plusDays(2).toString(), "confirm", "true"), "report.pdf", "%PDF-1.4 signed".getBytes(StandardCharsets.US_ASCII));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"complete-findings-error\"", "F-01");
        assertThat(w.api().get("/api/v1/audits/" + w.audit()).json().get("status").asString()).isEqualTo("reporting");
        // the lead answers but cannot close: only the auditor closes
        String finding = w.api().get("/api/v1/audits/" + w.audit() + "/findings").json().get(0).get("id").asString();
        assertThat(w.page().postForm(page, page + "/findings/" + finding + "/close", Map.of(), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void anAuditorOfAnotherAuditGetsNoneOfThisAuditsPagesOrForms() {
        Workspace w = workspace();
        String other = w.api().postJson("/api/v1/audits", """
                {"kind":"soc2_type2","firm":"Other LLP","leadAuditor":"Dana","periodStart":"2026-01-01","periodEnd":"2026-06-30"}""")
                .json().get("id").asString();
        ExtraAccounts.Account auditor = ExtraAccounts.member(jdbc, w.lead().workspaceId(), "auditor");
        w.api().postJson("/api/v1/audits/" + other + "/auditors", "{\"email\":\"" + auditor.email() + "\",\"endsWithAudit\":true}");
        Http outsider = Http.signedIn(port, auditor.email(), ExtraAccounts.PASSWORD);
        String page = "/audits/" + w.audit();
        assertThat(outsider.get("/audits/" + other).status()).isEqualTo(200);
        assertThat(outsider.get(page).status()).isEqualTo(403);
        assertThat(outsider.get(page + "/requests.csv").status()).isEqualTo(403);
        assertThat(outsider.get(page + "/populations/hires").status()).isEqualTo(403);
        assertThat(outsider.postForm("/audits/" + other, page + "/requests", Map.of("request", ""), Map.of()).status()).isEqualTo(403);
        assertThat(outsider.postForm("/audits/" + other, page + "/samples", Map.of("population", "hires", "size", "1"), Map.of()).status()).isEqualTo(403);
        assertThat(outsider.postForm("/audits/" + other, page + "/findings", Map.of("kind", "observation", "title", "x"), Map.of()).status()).isEqualTo(403);
        // the SoA belongs to the auditors of an ISO 27001 audit, and this one audits SOC 2
        assertThat(outsider.get("/soa").status()).isEqualTo(403);
        assertThat(requests(w.audit())).isZero();
    }
}
