package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor invited to one audit reads that audit while the access lasts, and nothing else: not
 * another audit of the workspace, not another workspace's audit, nothing after the access ends.
 */
class AuditorAccessTest extends MailAndClockTest {

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    static LocalDate today() {
        return LocalDate.now(CLOCK.withZone(ZoneOffset.UTC));
    }

    String plan(Http as, String firm) {
        Http.Response created = as.postJson("/api/v1/audits", """
                {"kind":"iso27001_stage2","scope":["A.5","A.8"],"firm":"%s","leadAuditor":"Kim Ode",
                 "periodStart":"2026-01-01","periodEnd":"2026-11-30"}""".formatted(firm));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void anAuditorReadsOnlyTheAuditTheyAreInvitedToAndOnlyWhileTheAccessLasts() {
        String mine = plan(admin(), "Certifier A");
        String other = plan(admin(), "Certifier B");
        TestMember auditor = memberWith("auditor", defaultWorkspace());
        Http.Response invited = admin().postJson("/api/v1/audits/" + mine + "/auditors",
                "{\"email\":\"" + auditor.email() + "\",\"accessEndsOn\":\"" + today().plusDays(10) + "\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);

        Http as = Http.withToken(port, auditor.token());
        assertThat(as.get("/api/v1/audits").body()).contains(mine).doesNotContain(other);
        assertThat(as.get("/api/v1/audits/" + mine).status()).isEqualTo(200);
        assertThat(as.get("/api/v1/audits/" + mine + "/controls").body()).contains("GR-01");
        assertThat(as.get("/api/v1/audits/" + other).status()).isEqualTo(403);
        assertThat(as.get("/api/v1/audits/" + other + "/evidence").status()).isEqualTo(403);
        // An auditor never runs the audit itself.
        assertThat(as.postJson("/api/v1/audits/" + mine + "/status", "{\"action\":\"withdraw\"}").status()).isEqualTo(403);

        // What the auditor opened is on the audit trail, under their name.
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and action = 'audits.opened' and target = ?")
                .params(auditor.email() + " (token)", "audit:" + mine).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // Another workspace's audit does not exist for them.
        UUID elsewhere = UUID.randomUUID();
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, current_timestamp)")
                .params(elsewhere, "aud-" + elsewhere.toString().substring(0, 8), "Elsewhere").update();
        String foreign = plan(Http.withToken(port, memberWith("admin", elsewhere).token()), "Certifier C");
        assertThat(as.get("/api/v1/audits/" + foreign).status()).isEqualTo(404);

        // After the access ends, nothing of the audit is readable any more.
        CLOCK.advance(Duration.ofDays(11));
        assertThat(as.get("/api/v1/audits/" + mine).status()).isEqualTo(403);
        assertThat(as.get("/api/v1/audits/" + mine + "/evidence").status()).isEqualTo(403);
        assertThat(as.get("/api/v1/audits").json().size()).isZero();
    }

    @Test
    void accessEndsWithTheAuditWhenNoDateIsGiven() {
        String audit = plan(admin(), "Certifier D");
        TestMember auditor = memberWith("auditor", defaultWorkspace());
        assertThat(admin().postJson("/api/v1/audits/" + audit + "/auditors",
                "{\"email\":\"" + auditor.email() + "\",\"endsWithAudit\":true}").status()).isEqualTo(201);
        Http as = Http.withToken(port, auditor.token());
        assertThat(as.get("/api/v1/audits/" + audit).status()).isEqualTo(200);
        admin().postJson("/api/v1/audits/" + audit + "/status", "{\"action\":\"withdraw\"}");
        assertThat(as.get("/api/v1/audits/" + audit).status()).isEqualTo(403);
    }

    @Test
    void anInvitationWithoutAnEndOrForAColleagueIsRefusedAndGrantsNothing() {
        String audit = plan(admin(), "Certifier E");
        TestMember auditor = memberWith("auditor", defaultWorkspace());
        Http.Response noEnd = admin().postJson("/api/v1/audits/" + audit + "/auditors", "{\"email\":\"" + auditor.email() + "\"}");
        assertThat(noEnd.status()).isEqualTo(400);
        assertThat(noEnd.json().get("errors").get(0).get("field").asString()).isEqualTo("accessEndsOn");
        assertThat(Http.withToken(port, auditor.token()).get("/api/v1/audits/" + audit).status()).isEqualTo(403);

        TestMember viewer = memberWith("viewer", defaultWorkspace());
        Http.Response colleague = admin().postJson("/api/v1/audits/" + audit + "/auditors",
                "{\"email\":\"" + viewer.email() + "\",\"accessEndsOn\":\"" + today().plusDays(5) + "\"}");
        assertThat(colleague.status()).isEqualTo(400);
        assertThat(colleague.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(admin().get("/api/v1/audits/" + audit + "/auditors").json().size()).isZero();
    }

    @Test
    void someoneNewIsInvitedByEmailAsAnAuditorWhoseMembershipEndsWithTheAccess() throws Exception {
        String audit = plan(admin(), "Certifier F");
        String email = "new-auditor-" + UUID.randomUUID().toString().substring(0, 8) + "@firm.example";
        Http.Response invited = admin().postJson("/api/v1/audits/" + audit + "/auditors",
                "{\"email\":\"" + email + "\",\"accessEndsOn\":\"" + today().plusDays(30) + "\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(mailTo(email)).hasSize(1);
        assertThat(body(mailTo(email).get(0))).contains("as auditor", "/invitations/");
        assertThat(jdbc.sql("select member_expires_at is not null from invitation where email = ?").param(email).query(Boolean.class).single())
                .isTrue();
    }
}
