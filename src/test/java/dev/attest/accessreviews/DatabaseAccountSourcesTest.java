package dev.attest.accessreviews;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import dev.attest.support.Services;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static dev.attest.accessreviews.AccessReviewSupport.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database accounts read through the workspace's monitoring connections, against the real servers on
 * this machine: a role revoked in a campaign is dropped on the server, and the next collection
 * verifies the task.
 */
class DatabaseAccountSourcesTest extends MailAndClockTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String connection(Http http, String kind, String target, String secrets) {
        Http.Response created = http.postJson("/api/v1/connections", """
                {"name":"%s %s","kind":"%s","target":"%s","secrets":%s}""".formatted(kind, run, kind, target, secrets));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void postgresRolesAreReadThroughTheConnectionAndARevocationIsVerifiedByTheNextRun() throws Exception {
        Services.requirePostgres();
        String role = "attest_ar_" + run;
        String admin = "attest_ar_admin_" + run;
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement st = db.createStatement()) {
            st.execute("create role " + role + " login password 'x' valid until 'infinity'");
            st.execute("create role " + admin + " login createrole");
        }
        try {
            Http http = AccessReviewSupport.admin(port);
            String connection = connection(http, "postgres", "127.0.0.1:5432/postgres", "{\"username\":\"postgres\"}");
            String system = AccessReviewSupport.system(http, """
                    {"name":"Postgres %s","kind":"postgres","ownerEmail":"%s","connectionId":"%s","settings":{"emailDomain":"db.example.test"}}"""
                    .formatted(run, AttestTest.ADMIN_EMAIL, connection));
            Http.Response collected = http.postJson(BASE + "/systems/" + system + "/collection", "{}");
            assertThat(collected.status()).as(collected.body()).isEqualTo(200);
            Map<String, JsonNode> accounts = AccessReviewSupport.accounts(http, system);
            assertThat(accounts.get(role).get("account").get("roles").toString()).contains("login");
            assertThat(accounts.get(role).get("account").get("privileged").asBoolean()).isFalse();
            assertThat(accounts.get(role).get("account").get("email").asText()).isEqualTo(role + "@db.example.test");
            assertThat(accounts.get(admin).get("account").get("privileged").asBoolean()).isTrue();
            assertThat(accounts.get("postgres").get("account").get("roles").toString()).contains("superuser");

            String campaign = AccessReviewSupport.startedCampaign(http, "PG " + run, system);
            Map<String, JsonNode> items = AccessReviewSupport.items(http, campaign);
            assertThat(items.get(admin).get("flags").toString()).contains("PRIVILEGED");
            Http.Response revoked = AccessReviewSupport.decide(http, campaign, items.get(role), "{\"decision\":\"revoke\",\"comment\":\"unused\"}");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement st = db.createStatement()) {
                st.execute("drop role " + role);
            }
            // An ordinary run of the connection (as its schedule would do) is the next collection.
            Http.Response ran = http.postJson("/api/v1/connections/" + connection + "/runs", "{}");
            assertThat(ran.status()).as(ran.body()).isIn(200, 201, 202);
            JsonNode task = null;
            for (int i = 0; i < 100; i++) {
                task = http.get(BASE + "/campaigns/" + campaign + "/tasks").json().get(0);
                if (!"OPEN".equals(task.get("status").asText())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(task.get("status").asText()).isEqualTo("VERIFIED");
        } finally {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement st = db.createStatement()) {
                st.execute("drop role if exists " + role);
                st.execute("drop role if exists " + admin);
            }
        }
    }

    @Test
    void mariaDbUsersComeWithTheirGrantsAndADroppedUserVerifiesTheRevocation() throws Exception {
        Services.requireMariaDb();
        String user = "ar_" + run;
        String dba = "ar_dba_" + run;
        try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement st = db.createStatement()) {
            st.execute("create user '" + user + "'@'%' identified by 'secret-" + run + "'");
            st.execute("grant select on mysql.db to '" + user + "'@'%'");
            st.execute("create user '" + dba + "'@'localhost'");
            st.execute("grant all privileges on *.* to '" + dba + "'@'localhost'");
        }
        try {
            Http http = AccessReviewSupport.admin(port);
            String connection = connection(http, "mariadb", "127.0.0.1:3306", "{\"username\":\"root\"}");
            String system = AccessReviewSupport.system(http, """
                    {"name":"MariaDB %s","kind":"mariadb","ownerEmail":"%s","connectionId":"%s"}""".formatted(run, AttestTest.ADMIN_EMAIL, connection));
            String campaign = AccessReviewSupport.startedCampaign(http, "MariaDB " + run, system);
            Map<String, JsonNode> items = AccessReviewSupport.items(http, campaign);
            JsonNode reader = items.get(user + "@%");
            assertThat(reader.get("account").get("roles").toString()).contains("SELECT ON `mysql`.`db`");
            assertThat(reader.get("account").get("privileged").asBoolean()).isFalse();
            assertThat(reader.get("flags").toString()).contains("NO_MATCHING_PERSON");
            assertThat(items.get(dba + "@localhost").get("flags").toString()).contains("PRIVILEGED");
            assertThat(items.get("root@localhost").get("account").get("privileged").asBoolean()).isTrue();

            assertThat(AccessReviewSupport.decide(http, campaign, reader, "{\"decision\":\"revoke\",\"comment\":\"not needed\"}").status())
                    .isEqualTo(200);
            try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                 Statement st = db.createStatement()) {
                st.execute("drop user '" + user + "'@'%'");
            }
            assertThat(http.postJson(BASE + "/systems/" + system + "/collection", "{}").status()).isEqualTo(200);
            assertThat(http.get(BASE + "/campaigns/" + campaign + "/tasks").json().get(0).get("status").asText()).isEqualTo("VERIFIED");
        } finally {
            try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                 Statement st = db.createStatement()) {
                st.execute("drop user if exists '" + user + "'@'%'");
                st.execute("drop user if exists '" + dba + "'@'localhost'");
            }
        }
    }

    @Test
    void aConnectionThatCannotBeReachedStopsTheCampaignNamingTheSystemAndTheError() {
        Http http = AccessReviewSupport.admin(port);
        String connection = connection(http, "postgres", "127.0.0.1:1/postgres", "{\"username\":\"postgres\"}");
        String system = AccessReviewSupport.system(http, """
                {"name":"Down %s","kind":"postgres","ownerEmail":"%s","connectionId":"%s"}""".formatted(run, AttestTest.ADMIN_EMAIL, connection));
        Http.Response collected = http.postJson(BASE + "/systems/" + system + "/collection", "{}");
        assertThat(collected.status()).isEqualTo(502);
        assertThat(collected.json().get("system").asText()).isEqualTo("Down " + run);
        Http.Response created = http.postJson(BASE + "/campaigns", """
                {"name":"Down %s","dueOn":"2099-01-01","systems":[{"systemId":"%s"}]}""".formatted(run, system));
        Http.Response refused = http.postJson(BASE + "/campaigns/" + created.json().get("id").asText() + "/start", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Down " + run, "127.0.0.1:1");
    }
}
