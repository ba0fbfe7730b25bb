package dev.attest.trustcenter.internal;

import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Trust Center publishes the evidence ledger's newest checkpoint only once an admin opts in, and a copy of it verifies.
 * It runs in the plain application context, not the Trust Center tests' one: the evidence it adds must be in the data
 * folder of the context whose tests verify the default workspace's ledger (on PostgreSQL the contexts share the database).
 */
@AttestTest
class LedgerCheckpointPublicationTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLocker evidence;

    @Autowired
    JdbcClient jdbc;

    Http api;
    Http visitor;

    @BeforeEach
    void clients() {
        api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        visitor = Http.anonymous(port);
    }

    private void publishTrustCenter() {
        var saved = api.putJson("/api/v1/trust-center/draft", "{\"company\":\"Tango " + UUID.randomUUID() + "\",\"ndaText\":\"You keep this confidential.\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var published = api.postJson("/api/v1/trust-center/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    void theCheckpointIsPublishedOnlyAfterOptingInAndACopyVerifiesTheLedger() {
        publishTrustCenter();
        WorkspaceId workspace = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        evidence.add(workspace, new NewEvidence("upload", "published checkpoint", null, "text/plain", List.of(), null, "test"),
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        evidence.checkpoint(workspace);
        assertThat(api.get("/api/v1/trust-center/ledger-checkpoint").json().get("published").asBoolean()).as("off by default").isFalse();
        assertThat(visitor.get("/trust").body()).doesNotContain("data-testid=\"ledger-checkpoint\"");
        assertThat(visitor.get("/trust/ledger-checkpoint.json").status()).isEqualTo(404);

        try {
            var on = api.putJson("/api/v1/trust-center/ledger-checkpoint", "{\"published\":true}");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            var latest = api.get("/api/v1/evidence/ledger/checkpoint").json();
            String page = visitor.get("/trust").body();
            assertThat(page).contains("data-testid=\"ledger-checkpoint\"").contains(latest.get("hash").asString())
                    .contains(latest.get("signature").asString())
                    .contains(api.get("/api/v1/evidence/ledger/key").json().get(0).get("fingerprint").asString());
            var copy = visitor.get("/trust/ledger-checkpoint.json");
            assertThat(copy.status()).isEqualTo(200);
            assertThat(copy.json().get("count").asLong()).isEqualTo(latest.get("count").asLong());

            var verified = api.postJson("/api/v1/evidence/ledger/verify", copy.body());
            assertThat(verified.json().get("valid").asBoolean()).as(verified.body()).isTrue();
            assertThat(api.get("/api/v1/audit-log?action=trustcenter.ledger-checkpoint-publication-changed").body())
                    .contains("publishes the evidence ledger's newest checkpoint on the Trust Center");
        } finally {
            assertThat(api.putJson("/api/v1/trust-center/ledger-checkpoint", "{\"published\":false}").status()).isEqualTo(200);
        }
        assertThat(visitor.get("/trust").body()).doesNotContain("data-testid=\"ledger-checkpoint\"");
    }

    @Test
    void onlyAdminsChangeTheSettingAndItMustBeABoolean() {
        var missing = api.putJson("/api/v1/trust-center/ledger-checkpoint", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("published");
        var viewer = Http.withToken(port, ExtraAccounts.inDefaultWorkspace(jdbc, "viewer").token());
        assertThat(viewer.putJson("/api/v1/trust-center/ledger-checkpoint", "{\"published\":true}").status()).isEqualTo(403);
    }
}
