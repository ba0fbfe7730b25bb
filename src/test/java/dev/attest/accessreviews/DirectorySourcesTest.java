package dev.attest.accessreviews;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

import static dev.attest.accessreviews.AccessReviewSupport.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directories as account sources, against real servers: slapd started by the test (LDAPS and
 * StartTLS, groups, a disabled user, a deletion verifying a revocation), and Attest's own SCIM
 * endpoint read page by page as any SCIM 2.0 provider.
 */
class DirectorySourcesTest extends MailAndClockTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static final String LDIF = """
            dn: ou=people,dc=example,dc=test
            objectClass: organizationalUnit
            ou: people

            dn: uid=alice,ou=people,dc=example,dc=test
            objectClass: inetOrgPerson
            uid: alice
            cn: Alice Admin
            sn: Admin
            mail: alice@example.test

            dn: uid=bob,ou=people,dc=example,dc=test
            objectClass: inetOrgPerson
            objectClass: shadowAccount
            uid: bob
            cn: Bob Gone
            sn: Gone
            mail: bob@example.test
            shadowExpire: 1

            dn: cn=admins,dc=example,dc=test
            objectClass: groupOfNames
            cn: admins
            member: uid=alice,ou=people,dc=example,dc=test
            member: cn=admin,dc=example,dc=test

            dn: cn=devs,dc=example,dc=test
            objectClass: posixGroup
            cn: devs
            gidNumber: 5000
            memberUid: bob
            memberUid: alice
            """;

    private String ldapSystem(Http http, String name, String url, String caPem) {
        String settings = "{\"baseDn\":\"" + TestSlapd.SUFFIX + "\",\"privilegedGroups\":\"admins\""
                + (caPem == null ? "" : ",\"caCertificate\":" + JSON.writeValueAsString(caPem)) + "}";
        return AccessReviewSupport.system(http, """
                {"name":"%s","kind":"ldap","ownerEmail":"%s","target":"%s","settings":%s,
                 "secrets":{"bindDn":"%s","password":"%s"}}""".formatted(name, AttestTest.ADMIN_EMAIL, url, settings, TestSlapd.ADMIN_DN,
                TestSlapd.ADMIN_PASSWORD));
    }

    @Test
    void anLdapDirectoryIsReadOverLdapsAndStartTlsWithGroupsAndDisabledUsers() throws Exception {
        try (TestSlapd slapd = TestSlapd.start(LDIF)) {
            Http http = AccessReviewSupport.admin(port);
            String ldaps = ldapSystem(http, "LDAPS " + run, "ldaps://127.0.0.1:" + slapd.ldapsPort, slapd.certificatePem);
            Http.Response collected = http.postJson(BASE + "/systems/" + ldaps + "/collection", "{}");
            assertThat(collected.status()).as(collected.body()).isEqualTo(200);
            Map<String, JsonNode> accounts = AccessReviewSupport.accounts(http, ldaps);
            JsonNode alice = accounts.get("alice").get("account");
            assertThat(alice.get("email").asText()).isEqualTo("alice@example.test");
            assertThat(alice.get("displayName").asText()).isEqualTo("Alice Admin");
            assertThat(alice.get("roles").toString()).contains("admins", "devs");
            assertThat(alice.get("privileged").asBoolean()).isTrue();
            assertThat(alice.get("active").asBoolean()).isTrue();
            assertThat(alice.get("createdAt").isNull()).isFalse();
            JsonNode bob = accounts.get("bob").get("account");
            assertThat(bob.get("active").asBoolean()).as("shadowExpire passed").isFalse();
            assertThat(bob.get("privileged").asBoolean()).isFalse();

            String startTls = ldapSystem(http, "StartTLS " + run, "ldap://127.0.0.1:" + slapd.ldapPort, slapd.certificatePem);
            assertThat(http.postJson(BASE + "/systems/" + startTls + "/collection", "{}").status()).isEqualTo(200);
            assertThat(AccessReviewSupport.accounts(http, startTls)).containsKeys("alice", "bob");

            String untrusted = ldapSystem(http, "Untrusted " + run, "ldaps://127.0.0.1:" + slapd.ldapsPort, null);
            Http.Response refused = http.postJson(BASE + "/systems/" + untrusted + "/collection", "{}");
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.json().get("detail").asText()).contains("Untrusted " + run, "LDAP at ldaps://127.0.0.1");

            String campaign = AccessReviewSupport.startedCampaign(http, "LDAP " + run, ldaps);
            JsonNode item = AccessReviewSupport.items(http, campaign).get("alice");
            assertThat(item.get("flags").toString()).contains("PRIVILEGED");
            assertThat(AccessReviewSupport.decide(http, campaign, item, "{\"decision\":\"change\",\"roles\":[\"devs\"],\"comment\":\"no admin\"}")
                    .status()).isEqualTo(200);
            try (LDAPConnection admin = new LDAPConnection(new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory(), "127.0.0.1",
                    slapd.ldapsPort, TestSlapd.ADMIN_DN, TestSlapd.ADMIN_PASSWORD)) {
                admin.modify("cn=admins,dc=example,dc=test", new com.unboundid.ldap.sdk.Modification(
                        com.unboundid.ldap.sdk.ModificationType.DELETE, "member", "uid=alice,ou=people,dc=example,dc=test"));
            }
            assertThat(http.postJson(BASE + "/systems/" + ldaps + "/collection", "{}").status()).isEqualTo(200);
            JsonNode task = http.get(BASE + "/campaigns/" + campaign + "/tasks").json().get(0);
            assertThat(task.get("action").asText()).isEqualTo("CHANGE");
            assertThat(task.get("status").asText()).as("alice now holds only devs").isEqualTo("VERIFIED");
        }
    }

    @Test
    void attestsOwnScimEndpointIsReadPageByPageAsAnyScimProvider() {
        Http http = AccessReviewSupport.admin(port);
        String token = http.postJson("/api/v1/people/scim-tokens", "{\"name\":\"reviews " + run + "\"}").json().get("token").asText();
        Http scim = Http.withToken(port, token);
        for (String who : new String[]{"ann", "ben", "cid"}) {
            Http.Response created = scim.post("/scim/v2/Users", "application/scim+json", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s.%2$s@example.test",
                     "name":{"formatted":"%1$s %2$s"},"emails":[{"value":"%1$s.%2$s@example.test","primary":true}],"active":true}"""
                    .formatted(who, run));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        String system = AccessReviewSupport.system(http, """
                {"name":"SCIM %s","kind":"scim","ownerEmail":"%s","target":"http://localhost:%d/scim/v2","settings":{"pageSize":"2"},
                 "secrets":{"token":"%s"}}""".formatted(run, AttestTest.ADMIN_EMAIL, port, token));
        Http.Response collected = http.postJson(BASE + "/systems/" + system + "/collection", "{}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        Map<String, JsonNode> accounts = AccessReviewSupport.accounts(http, system);
        int total = scim.get("/scim/v2/Users?count=1").json().get("totalResults").asInt();
        assertThat(accounts).as("every page read").hasSize(total);
        JsonNode ann = accounts.get("ann." + run + "@example.test");
        assertThat(ann.get("account").get("email").asText()).isEqualTo("ann." + run + "@example.test");
        assertThat(ann.get("unmatched").asBoolean()).as("SCIM created the roster person").isFalse();

        String wrongToken = AccessReviewSupport.system(http, """
                {"name":"SCIM bad %s","kind":"scim","ownerEmail":"%s","target":"http://localhost:%d/scim/v2","secrets":{"token":"attest_scim_wrong"}}"""
                .formatted(run, AttestTest.ADMIN_EMAIL, port));
        Http.Response refused = http.postJson(BASE + "/systems/" + wrongToken + "/collection", "{}");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("detail").asText()).contains("HTTP 401");
    }
}
