package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning an audit and moving it on, through the API, as the compliance lead does. */
@AttestTest
class AuditEngagementsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    static String typeTwo(String firm) {
        return """
                {"kind":"soc2_type2","scope":["security","availability"],"firm":"%s","leadAuditor":"Dana Reyes",
                 "periodStart":"2026-01-01","periodEnd":"2026-06-30","fieldworkStart":"2026-07-06","fieldworkEnd":"2026-07-24"}""".formatted(firm);
    }

    @Test
    void aPlannedTypeTwoAuditHasItsFrameworkPeriodAndScopeAndMovesThroughFieldworkAndReporting() {
        Http.Response created = api().postJson("/api/v1/audits", typeTwo("Example Audit LLP"));
        assertThat(created.status()).isEqualTo(201);
        var audit = created.json();
        assertThat(audit.get("framework").asString()).isEqualTo("soc2");
        assertThat(audit.get("status").asString()).isEqualTo("planning");
        assertThat(audit.get("periodEnd").asString()).isEqualTo("2026-06-30");
        String id = audit.get("id").asString();

        assertThat(api().get("/api/v1/audits").body()).contains(id, "Example Audit LLP");
        assertThat(api().postJson("/api/v1/audits/" + id + "/status", "{\"action\":\"start_reporting\"}").json()
                .get("errors").get(0).get("field").asString()).isEqualTo("action");
        assertThat(api().postJson("/api/v1/audits/" + id + "/status", "{\"action\":\"start_fieldwork\"}").json().get("status").asString())
                .isEqualTo("fieldwork");
        assertThat(api().postJson("/api/v1/audits/" + id + "/status", "{\"action\":\"start_reporting\"}").json().get("status").asString())
                .isEqualTo("reporting");
        assertThat(jdbc.sql("select count(*) from audit_entry where target = ? and action = 'audits.status-changed'")
                .param("audit:" + id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTypeOneAuditIsAPointInTime() {
        Http.Response created = api().postJson("/api/v1/audits", """
                {"kind":"soc2_type1","firm":"Example Audit LLP","leadAuditor":"Dana Reyes","periodStart":"2026-03-31"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("periodEnd").asString()).isEqualTo("2026-03-31");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingPeriodEndAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from audit").query(Long.class).single();
        Http.Response refused = api().postJson("/api/v1/audits", typeTwo("Backwards LLP").replace("2026-06-30", "2025-12-01"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("periodEnd");
        assertThat(refused.body()).contains("must not be before periodStart");
        assertThat(jdbc.sql("select count(*) from audit").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badValuesAreRefusedNamingTheirField() {
        assertThat(field(api().postJson("/api/v1/audits", typeTwo("X").replace("soc2_type2", "soc3")))).isEqualTo("kind");
        assertThat(field(api().postJson("/api/v1/audits", typeTwo("X").replace("2026-01-01", "January")))).isEqualTo("periodStart");
        assertThat(field(api().postJson("/api/v1/audits", typeTwo("X").replace("\"availability\"", "\"A.5.1\"")))).isEqualTo("scope");
        assertThat(field(api().postJson("/api/v1/audits", typeTwo("")))).isEqualTo("firm");
        assertThat(field(api().postJson("/api/v1/audits", typeTwo("X").replace("2026-07-24", "2026-07-01")))).isEqualTo("fieldworkEnd");
        assertThat(api().postJson("/api/v1/audits", "").status()).isEqualTo(400);
    }

    private static String field(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
