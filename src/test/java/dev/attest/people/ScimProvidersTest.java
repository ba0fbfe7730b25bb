package dev.attest.people;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCIM driven the way Okta and Microsoft Entra ID provision: the request bodies below follow the
 * examples of Okta's "SCIM 2.0 protocol reference" and Microsoft's "Develop a SCIM endpoint" tutorial
 * (create with a password and groups, look-up by filter, deactivate, reactivate, rename, group push),
 * and the group-to-role table turns pushed groups into Attest roles.
 */
@AttestTest
class ScimProvidersTest {

    static final String SCIM = "application/scim+json";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Http scim(String adminToken) {
        String token = Http.withToken(port, adminToken).postJson("/api/v1/people/scim-tokens", "{\"name\":\"IdP\"}")
                .json().get("token").asString();
        return Http.withToken(port, token);
    }

    @Test
    void oktaCreatesLooksUpDeactivatesReactivatesAndRenamesAUser() {
        Http okta = scim(AttestTest.ADMIN_TOKEN);
        String email = "test.user." + run + "@okta.local";
        JsonNode none = okta.get("/scim/v2/Users?filter=" + enc("userName eq \"" + email + "\"") + "&startIndex=1&count=100").json();
        assertThat(none.get("totalResults").asInt()).isZero();

        Http.Response created = okta.post("/scim/v2/Users", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Test","familyName":"User"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7-%s",
                 "groups":[],"password":"1mz050nq-%s","active":true}""".formatted(email, email, run, run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("1mz050nq").doesNotContain("password");
        String id = created.json().get("id").asString();
        Map<String, Object> row = jdbc.sql("select * from person where id = ?").param(UUID.fromString(id)).query().singleRow();
        assertThat(row.values()).as("the password is never stored").noneMatch(v -> String.valueOf(v).contains("1mz050nq"));

        JsonNode found = okta.get("/scim/v2/Users?filter=" + enc("userName eq \"" + email + "\"") + "&startIndex=1&count=100").json();
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        assertThat(okta.get("/scim/v2/Users/" + id).json().get("name").get("formatted").asString()).isEqualTo("Test User");

        Http.Response renamed = okta.putJson("/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s",
                 "name":{"givenName":"Another","familyName":"User"},"emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Another User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7-%s","groups":[],"active":true,
                 "meta":{"resourceType":"User"}}""".formatted(id, email, email, run));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").get("formatted").asString()).isEqualTo("Another User");

        Http.Response deactivated = okta.patchJson("/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":false}}]}""".formatted(PATCH_OP));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        JsonNode person = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/people/" + id).json().get("person");
        assertThat(person.get("endDate").isNull()).as("deactivation ends employment").isFalse();

        Http.Response reactivated = okta.patchJson("/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":true}}]}""".formatted(PATCH_OP));
        assertThat(reactivated.json().get("active").asBoolean()).isTrue();
        person = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/people/" + id).json().get("person");
        assertThat(person.get("endDate").isNull()).as("reactivation clears the end date").isTrue();
        assertThat(person.get("name").asString()).isEqualTo("Another User");
    }

    @Test
    void entraCreatesWithItsDefaultMappingPatchesAndDisablesAUser() {
        Http entra = scim(AttestTest.ADMIN_TOKEN);
        String email = "entra." + run + "@testuser.com";
        Http.Response created = entra.post("/scim/v2/Users", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-%s","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s"}],"meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "addresses":[{"type":"work","formatted":"1 Main St","primary":true}],
                 "phoneNumbers":[{"type":"work","value":"+1 555 0100"}],"roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","employeeNumber":"42"}}"""
                .formatted(run + "0000", email, email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        JsonNode byExternalId = entra.get("/scim/v2/Users?filter=" + enc("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-" + run + "0000\"")).json();
        assertThat(byExternalId.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        assertThat(entra.get("/scim/v2/Users?filter=" + enc("userName eq \"non-existent user\"")).json().get("totalResults").asInt()).isZero();

        String renamed = "renamed." + run + "@testuser.com";
        Http.Response patched = entra.patchJson("/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"%s"},
                 {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"},
                 {"op":"Add","path":"addresses[type eq \\"work\\"].streetAddress","value":"2 Main St"},
                 {"op":"Replace","path":"userName","value":"%s"}]}""".formatted(PATCH_OP, renamed, renamed));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("userName").asString()).isEqualTo(renamed);
        assertThat(patched.json().get("name").get("formatted").asString()).isEqualTo("givenName updatedFamilyName");

        Http.Response disabled = entra.patchJson("/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":false}]}""".formatted(PATCH_OP));
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(entra.delete("/scim/v2/Users/" + id).status()).isEqualTo(204);
    }

    @Test
    void bothProvidersReadTheDiscoveryEndpoints() {
        Http okta = scim(AttestTest.ADMIN_TOKEN);
        JsonNode config = okta.get("/scim/v2/ServiceProviderConfig").json();
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(1000);
        assertThat(config.get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");

        JsonNode schemas = okta.get("/scim/v2/Schemas").json();
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        List<String> userAttributes = names(okta.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json().get("attributes"));
        assertThat(userAttributes).contains("userName", "name", "active", "emails", "externalId").doesNotContain("password", "groups");
        assertThat(names(okta.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").json().get("attributes")))
                .containsExactly("displayName", "members", "externalId");

        JsonNode types = okta.get("/scim/v2/ResourceTypes").json();
        assertThat(types.get("Resources").get(0).get("endpoint").asString()).isEqualTo("/Users");
        assertThat(types.get("Resources").get(0).get("schemaExtensions").get(0).get("schema").asString())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(types.get("Resources").get(1).get("endpoint").asString()).isEqualTo("/Groups");
        Http.Response unknown = okta.get("/scim/v2/ResourceTypes/Device");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(Http.anonymous(port).get("/scim/v2/ServiceProviderConfig").status()).isEqualTo(401);
    }

    @Test
    void groupPushMapsMembersToRolesByTheGroupTable() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        ExtraAccounts.Account employee = ExtraAccounts.member(jdbc, admin.workspaceId(), "employee");
        Http api = Http.withToken(port, admin.token());
        Http.Response table = api.putJson("/api/v1/people/scim-group-roles",
                "{\"groups\":{\"Attest Admins\":\"admin\",\"Compliance Team\":\"compliance_manager\"}}");
        assertThat(table.status()).as(table.body()).isEqualTo(200);
        Http okta = scim(admin.token());
        String user = okta.post("/scim/v2/Users", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","name":{"givenName":"Eve","familyName":"Ployee"},
                 "groups":[],"password":"Secret-1","active":true}""".formatted(employee.email())).json().get("id").asString();

        // Okta: create the group empty, rename it, then add and remove members.
        Http.Response group = okta.post("/scim/v2/Groups", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Compliance","members":[]}""");
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        String compliance = group.json().get("id").asString();
        Http.Response renamed = okta.patchJson("/scim/v2/Groups/" + compliance, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"id":"%s","displayName":"Compliance Team"}}]}"""
                .formatted(PATCH_OP, compliance));
        assertThat(renamed.json().get("displayName").asString()).isEqualTo("Compliance Team");
        assertThat(role(api, employee.email())).isEqualTo("employee");
        Http.Response added = okta.patchJson("/scim/v2/Groups/" + compliance, """
                {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"%s","display":"%s"}]}]}"""
                .formatted(PATCH_OP, user, employee.email()));
        assertThat(added.json().get("members").get(0).get("value").asString()).isEqualTo(user);
        assertThat(role(api, employee.email())).isEqualTo("compliance_manager");
        JsonNode withGroups = okta.get("/scim/v2/Users/" + user).json();
        assertThat(withGroups.get("groups").get(0).get("value").asString()).as(withGroups.toString()).isEqualTo(compliance);
        assertThat(withGroups.get("groups").get(0).get("display").asString()).isEqualTo("Compliance Team");
        JsonNode looked = okta.get("/scim/v2/Groups?filter=" + enc("displayName eq \"Compliance Team\"") + "&startIndex=1&count=100").json();
        assertThat(looked.get("totalResults").asInt()).isEqualTo(1);

        // Entra ID: create the group with its members, read it without members, remove a member by value.
        Http.Response admins = okta.post("/scim/v2/Groups", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Attest Admins","meta":{"resourceType":"Group"},
                 "members":[{"value":"%s"}]}""".formatted(user));
        String adminsId = admins.json().get("id").asString();
        assertThat(role(api, employee.email())).as("the most privileged mapped group wins").isEqualTo("admin");
        assertThat(okta.get("/scim/v2/Groups/" + adminsId + "?excludedAttributes=members").json().has("members")).isFalse();
        // Entra ID checks membership with a compound filter before it adds or removes a member
        JsonNode member = okta.get("/scim/v2/Groups?excludedAttributes=members&filter="
                + enc("id eq \"" + adminsId + "\" and members[value eq \"" + user + "\"]")).json();
        assertThat(member.get("totalResults").asInt()).as(member.toString()).isEqualTo(1);
        JsonNode notMember = okta.get("/scim/v2/Groups?excludedAttributes=members&filter="
                + enc("id eq \"" + adminsId + "\" and members[value eq \"" + UUID.randomUUID() + "\"]")).json();
        assertThat(notMember.get("totalResults").asInt()).as(notMember.toString()).isZero();
        okta.patchJson("/scim/v2/Groups/" + adminsId, """
                {"schemas":["%s"],"Operations":[{"name":"removeMember","op":"Remove","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                .formatted(PATCH_OP, user));
        assertThat(role(api, employee.email())).isEqualTo("compliance_manager");

        Http.Response removed = okta.patchJson("/scim/v2/Groups/" + compliance, """
                {"schemas":["%s"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(PATCH_OP, user));
        assertThat(removed.json().get("members").size()).isZero();
        assertThat(role(api, employee.email())).as("leaving the last mapped group takes the role away").isEqualTo("employee");
        assertThat(okta.delete("/scim/v2/Groups/" + compliance).status()).isEqualTo(204);
        assertThat(okta.get("/scim/v2/Groups/" + compliance).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/people/scim-group-roles").json().get("groups").get("Attest Admins").asString()).isEqualTo("admin");
    }

    @Test
    void badGroupsAndBadTablesAreRefusedNamingWhatIsWrong() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        Http okta = scim(admin.token());
        Http.Response unknownMember = okta.post("/scim/v2/Groups", SCIM,
                "{\"displayName\":\"G\",\"members\":[{\"value\":\"" + UUID.randomUUID() + "\"}]}");
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(unknownMember.json().get("scimType").asString()).isEqualTo("invalidValue");
        assertThat(okta.get("/scim/v2/Groups").json().get("totalResults").asInt()).as("nothing half-written").isZero();
        assertThat(okta.post("/scim/v2/Groups", SCIM, "{\"members\":[]}").json().get("detail").asString()).contains("displayName");
        assertThat(okta.post("/scim/v2/Groups", SCIM, "{\"displayName\":\"G\"}").status()).isEqualTo(201);
        assertThat(okta.post("/scim/v2/Groups", SCIM, "{\"displayName\":\"G\"}").status()).as("duplicate name").isEqualTo(409);
        assertThat(okta.post("/scim/v2/Groups", SCIM, "{\"displayName\":\"H\",\"owner\":\"x\"}").json().get("detail").asString())
                .contains("owner");
        assertThat(okta.get("/scim/v2/Groups?filter=" + enc("members eq \"x\"")).json().get("scimType").asString()).isEqualTo("invalidFilter");

        Http api = Http.withToken(port, admin.token());
        Http.Response badRole = api.putJson("/api/v1/people/scim-group-roles", "{\"groups\":{\"Admins\":\"superuser\"}}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").get(0).get("field").asString()).isEqualTo("groups.Admins");
        assertThat(api.putJson("/api/v1/people/scim-group-roles", "{\"groups\":[]}").json().get("errors").get(0).get("field").asString())
                .isEqualTo("groups");
        assertThat(api.get("/api/v1/people/scim-group-roles").json().get("groups").size()).isZero();
    }

    @Test
    void membershipChangesSentToOneGroupAtOnceAreAllKept() throws Exception {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        Http okta = scim(admin.token());
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String email = "parallel" + i + "." + run + "@example.test";
            Http.Response user = okta.post("/scim/v2/Users", SCIM, """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","name":{"givenName":"Par","familyName":"Allel"},
                     "active":true}""".formatted(email));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            users.add(user.json().get("id").asString());
        }
        String group = okta.post("/scim/v2/Groups", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone","members":[]}""").json().get("id").asString();

        // Okta pushes each new member of a group as its own PATCH, several at a time.
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (String user : users) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return okta.patchJson("/scim/v2/Groups/" + group, """
                            {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(PATCH_OP, user));
                }));
            }
            start.countDown();
            for (Future<Http.Response> patched : sent) {
                Http.Response response = patched.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        List<String> members = new ArrayList<>();
        okta.get("/scim/v2/Groups/" + group).json().get("members").forEach(m -> members.add(m.get("value").asString()));
        assertThat(members).as("no change written over another").containsExactlyInAnyOrderElementsOf(users);
    }

    private String role(Http api, String email) {
        for (JsonNode member : api.get("/api/v1/members").json()) {
            if (member.get("email").asString().equals(email)) {
                return member.get("role").asString();
            }
        }
        throw new AssertionError(email + " is not a member");
    }

    private static List<String> names(JsonNode attributes) {
        List<String> names = new ArrayList<>();
        attributes.forEach(a -> names.add(a.get("name").asString()));
        return names;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
