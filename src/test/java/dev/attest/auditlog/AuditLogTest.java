package dev.attest.auditlog;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail as an admin, a compliance manager or an auditor meets it. */
@AttestTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    /** A fresh workspace with its own admin token, so that tampering with its chain touches nobody else's. */
    private record Fresh(WorkspaceId workspace, Http api) {
    }

    private Fresh freshWorkspace() {
        String slug = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = api().postJson("/api/v1/workspaces", "{\"slug\":\"" + slug + "\",\"name\":\"Audit " + slug + "\"}");
        assertThat(created.status()).isEqualTo(201);
        WorkspaceId workspace = new WorkspaceId(UUID.fromString(created.json().get("id").asString()));
        UUID admin = jdbc.sql("select id from app_user where email = ?").param(AttestTest.ADMIN_EMAIL).query(UUID.class).single();
        return new Fresh(workspace, Http.withToken(port, TestAccounts.token(context, workspace, admin, "read_write")));
    }

    @Test
    void aControlChangeIsRecordedWithWhoWhatAndFromWhere() {
        Http.Response changed = api().patchJson("/api/v1/controls/AC-02", "{\"notes\":\"audited " + UUID.randomUUID() + "\"}");
        assertThat(changed.status()).isEqualTo(200);

        Http.Response log = api().get("/api/v1/audit-log?action=controls.updated&target=control:AC-02&size=1");

        assertThat(log.status()).isEqualTo(200);
        var entry = log.json().get("entries").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("admin@localhost (token)");
        assertThat(entry.get("action").asString()).isEqualTo("controls.updated");
        assertThat(entry.get("target").asString()).isEqualTo("control:AC-02");
        assertThat(entry.get("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entry.get("userAgent").asString()).contains("Java-http-client");
        assertThat(entry.get("hash").asString()).hasSize(64);
        assertThat(log.json().get("total").asLong()).isPositive();
    }

    @Test
    void signInsSuccessfulOrNotAreRecorded() {
        var viewer = TestAccounts.member(context, Role.VIEWER);
        Http.signedIn(port, viewer.email(), viewer.password());
        Http.anonymous(port).postForm("/login", Map.of("username", viewer.email(), "password", "not the password at all"));

        Http.Response log = api().get("/api/v1/audit-log?actor=" + viewer.email() + "&action=identity");

        assertThat(log.body()).contains("identity.sign-in-succeeded", "identity.sign-in-failed");
    }

    @Test
    void filtersNarrowByActorActionTargetAndTimeAndBadFiltersAreNamed() {
        Fresh fresh = freshWorkspace();
        fresh.api().patchJson("/api/v1/controls/AC-01", "{\"notes\":\"one\"}");
        fresh.api().patchJson("/api/v1/controls/AC-03", "{\"notes\":\"two\"}");

        assertThat(fresh.api().get("/api/v1/audit-log?target=control:AC-01").json().get("total").asLong()).isEqualTo(1);
        assertThat(fresh.api().get("/api/v1/audit-log?target=control:&action=controls").json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(fresh.api().get("/api/v1/audit-log?actor=nobody@example.test").json().get("total").asLong()).isZero();
        assertThat(fresh.api().get("/api/v1/audit-log?from=2000-01-01&to=2000-01-02").json().get("total").asLong()).isZero();
        assertThat(fresh.api().get("/api/v1/audit-log?size=1&page=1").json().get("entries").size()).isEqualTo(1);

        Http.Response bad = fresh.api().get("/api/v1/audit-log?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(fresh.api().get("/api/v1/audit-log?size=100000").status()).isEqualTo(400);
        // nothing of another workspace shows
        assertThat(fresh.api().get("/api/v1/audit-log?size=500").body()).doesNotContain("\"identity.sign-in-failed\"");
    }

    @Test
    void exportsAsCsvAndJson() {
        Fresh fresh = freshWorkspace();
        fresh.api().patchJson("/api/v1/controls/AC-01", "{\"notes\":\"exported, with a comma\"}");

        Http.Response csv = fresh.api().get("/api/v1/audit-log/export?format=csv");
        Http.Response json = fresh.api().get("/api/v1/audit-log/export?format=json&action=controls.updated");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("seq,occurredAt,actor,action,target,summary,address,userAgent,previousHash,hash")
                .contains("identity.workspace-created", "controls.updated");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().get(0).get("action").asString()).isEqualTo("controls.updated");
        assertThat(fresh.api().get("/api/v1/audit-log/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    void verificationFindsTheFirstChangedOrDeletedEntry() {
        Fresh fresh = freshWorkspace();
        for (String key : new String[]{"AC-01", "AC-02", "AC-03", "AC-04"}) {
            fresh.api().patchJson("/api/v1/controls/" + key, "{\"notes\":\"chain\"}");
        }
        var intact = fresh.api().get("/api/v1/audit-log/verify").json();
        assertThat(intact.get("valid").asBoolean()).isTrue();
        long entries = intact.get("entries").asLong();
        assertThat(entries).isGreaterThanOrEqualTo(5);

        // someone with database access rewrites history
        jdbc.sql("update audit_entry set summary = 'nothing happened' where workspace_id = ? and seq = 3")
                .param(fresh.workspace().value()).update();
        var changed = fresh.api().get("/api/v1/audit-log/verify").json();
        assertThat(changed.get("valid").asBoolean()).isFalse();
        assertThat(changed.get("firstBrokenSeq").asLong()).isEqualTo(3);
        assertThat(changed.get("problem").asString()).contains("changed");

        jdbc.sql("delete from audit_entry where workspace_id = ? and seq = 2").param(fresh.workspace().value()).update();
        var deleted = fresh.api().get("/api/v1/audit-log/verify").json();
        assertThat(deleted.get("firstBrokenSeq").asLong()).isEqualTo(2);
        assertThat(deleted.get("problem").asString()).contains("missing");
    }

    @Test
    void deletingTheNewestEntryIsDetectedToo() {
        Fresh fresh = freshWorkspace();
        fresh.api().patchJson("/api/v1/controls/AC-01", "{\"notes\":\"last\"}");
        long last = fresh.api().get("/api/v1/audit-log/verify").json().get("entries").asLong();

        jdbc.sql("delete from audit_entry where workspace_id = ? and seq = ?").params(fresh.workspace().value(), last).update();

        var result = fresh.api().get("/api/v1/audit-log/verify").json();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(last);
    }

    @Test
    void thePageBrowsesFiltersAndVerifiesAndAnswersHtmxWithTheEntries() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);

        Http.Response page = admin.get("/audit-log?action=identity");
        Http.Response fragment = admin.get("/audit-log?action=identity", Map.of("HX-Request", "true"));
        Http.Response bad = admin.get("/audit-log?to=later");
        Http.Response verify = admin.get("/audit-log/verify", Map.of("HX-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "Audit log", "identity.sign-in-succeeded");
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"entries\"", "identity.");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("to: must be a date");
        assertThat(verify.body()).doesNotContain("<html").contains("data-testid=\"chain-");
    }

    @Test
    void onlyAdminsAndCompliancePeopleReadTheTrail() {
        var auditor = TestAccounts.member(context, Role.AUDITOR);
        var owner = TestAccounts.member(context, Role.CONTROL_OWNER);
        var compliance = TestAccounts.member(context, Role.COMPLIANCE_MANAGER);

        assertThat(Http.signedIn(port, compliance.email(), compliance.password()).get("/audit-log").status()).isEqualTo(200);
        // an auditor sees what an audit they are invited to holds (its populations), not the whole trail
        assertThat(Http.signedIn(port, auditor.email(), auditor.password()).get("/audit-log").status()).isEqualTo(403);
        assertThat(Http.signedIn(port, owner.email(), owner.password()).get("/audit-log").status()).isEqualTo(403);
        String ownerToken = TestAccounts.token(context, TestAccounts.defaultWorkspace(context), owner.userId(), "read");
        assertThat(Http.withToken(port, ownerToken).get("/api/v1/audit-log").status()).isEqualTo(403);
    }
}
