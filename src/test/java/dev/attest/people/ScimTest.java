package dev.attest.people;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An identity provider keeps the roster current over SCIM 2.0, and every bad request gets an RFC 7644 error. */
@AttestTest
class ScimTest {

    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String SCIM = "application/scim+json";

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Http scim() {
        String token = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/people/scim-tokens", "{\"name\":\"Okta\"}")
                .json().get("token").asString();
        return Http.withToken(port, token);
    }

    @Test
    void withoutAValidTokenTheAnswerIsAScimError() {
        Http.Response none = Http.anonymous(port).get("/scim/v2/Users");
        Http.Response wrong = Http.withToken(port, "attest_scim_wrong").get("/scim/v2/Users");
        Http.Response apiToken = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/scim/v2/Users");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("schemas").get(0).asString()).isEqualTo(ERROR);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(apiToken.status()).as("an API token is not a SCIM token").isEqualTo(401);
    }

    @Test
    void anIdentityProviderCreatesFindsReplacesPatchesAndDeletesAUser() {
        Http scim = scim();
        String email = "scim." + run + "@example.test";
        Http.Response created = scim.post("/scim/v2/Users", SCIM, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"%s","externalId":"okta-%s","name":{"givenName":"Ida","familyName":"Scim"},"title":"Analyst",
                 "active":true,"emails":[{"value":"%s","primary":true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance"}}""".formatted(email, run, email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id);
        assertThat(created.json().get("name").get("formatted").asString()).isEqualTo("Ida Scim");

        JsonNode found = scim.get("/scim/v2/Users?filter=" + enc("userName eq \"" + email.toUpperCase() + "\"")).json();
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        assertThat(scim.post("/scim/v2/Users", SCIM, "{\"userName\":\"" + email + "\"}").status()).as("duplicate").isEqualTo(409);

        Http.Response replaced = scim.putJson("/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"Ida Scim","title":"Controller",
                 "externalId":"okta-%s","active":true}""".formatted(email, run));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("title").asString()).isEqualTo("Controller");

        Http.Response patched = scim.patchJson("/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"},{"op":"replace","path":"title","value":"Former controller"}]}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("active").asBoolean()).isFalse();
        JsonNode person = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/people/" + id).json();
        assertThat(person.get("person").get("endDate").isNull()).isFalse();
        assertThat(person.get("offboarding").size()).isEqualTo(People.DEFAULT_SYSTEMS.size());

        assertThat(scim.delete("/scim/v2/Users/" + id).status()).isEqualTo(204);
        Http.Response gone = scim.get("/scim/v2/Users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("schemas").get(0).asString()).isEqualTo(ERROR);
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/people/" + id).status()).as("kept for the record").isEqualTo(200);
    }

    @Test
    void anUnknownAttributeOrAMalformedFilterIsAScimError() {
        Http scim = scim();
        Http.Response unknown = scim.post("/scim/v2/Users", SCIM, "{\"userName\":\"u." + run + "@example.test\",\"shoeSize\":42}");
        Http.Response malformed = scim.get("/scim/v2/Users?filter=" + enc("userName eq"));
        Http.Response unsupported = scim.get("/scim/v2/Users?filter=" + enc("title co \"x\""));
        Http.Response badPatch = scim.patchJson("/scim/v2/Users/" + UUID.randomUUID(), "{\"Operations\":[]}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("schemas").get(0).asString()).isEqualTo(ERROR);
        assertThat(unknown.json().get("status").asString()).isEqualTo("400");
        assertThat(unknown.json().get("scimType").asString()).isEqualTo("invalidSyntax");
        assertThat(unknown.json().get("detail").asString()).contains("shoeSize");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("scimType").asString()).isEqualTo("invalidFilter");
        assertThat(unsupported.json().get("scimType").asString()).isEqualTo("invalidFilter");
        assertThat(badPatch.status()).isEqualTo(404);
        assertThat(scim.get("/scim/v2/Users?filter=" + enc("userName eq \"u." + run + "@example.test\"")).json().get("totalResults").asInt())
                .isZero();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
